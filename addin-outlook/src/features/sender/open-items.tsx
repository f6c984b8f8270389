import { Badge, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SenderView } from '@inbox-crm/shared/client';
import { formatDay, formatMoney } from '../../ui/format.js';
import { consoleRecordPath } from '../../ui/record-links.js';
import { Section } from '../../ui/section.js';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** Open opportunities, cases and tasks with this person or company. */
export function OpenItems({ view }: { view: SenderView }) {
  const styles = useStyles();
  return (
    <>
      <Section
        title="Open opportunities"
        isEmpty={view.opportunities.length === 0}
        empty="No open opportunities"
      >
        <ul className={styles.list}>
          {view.opportunities.map((opportunity) => (
            <li key={opportunity.id} className={styles.item}>
              <Link href={consoleRecordPath({ type: 'opportunity', id: opportunity.id })} target="_blank">
                {opportunity.name}
              </Link>
              <Text size={200} className={styles.detail}>
                {[
                  opportunity.stage,
                  formatMoney(opportunity.amountMinor, opportunity.currency),
                  opportunity.closeDate && `closes ${formatDay(opportunity.closeDate)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Open cases" isEmpty={view.cases.length === 0} empty="No open cases">
        <ul className={styles.list}>
          {view.cases.map((item) => (
            <li key={item.id} className={styles.item}>
              <Link href={consoleRecordPath({ type: 'case', id: item.id })} target="_blank">
                {item.subject}
              </Link>
              <Text size={200} className={styles.detail}>
                {item.status} ·{' '}
                <Badge
                  appearance="tint"
                  color={item.priority === 'urgent' || item.priority === 'high' ? 'danger' : 'informative'}
                  size="small"
                >
                  {item.priority}
                </Badge>
              </Text>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Open tasks" isEmpty={view.tasks.length === 0} empty="No open tasks">
        <ul className={styles.list}>
          {view.tasks.map((task) => (
            <li key={task.id} className={styles.item}>
              <Text>{task.title}</Text>
              <Text size={200} className={styles.detail}>
                {[
                  task.dueAt && `due ${formatDay(task.dueAt)}`,
                  task.assignee?.name,
                  task.priority !== 'normal' && task.priority,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
