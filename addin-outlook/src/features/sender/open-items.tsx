import { Badge, Link, Text } from '@fluentui/react-components';
import type { SenderView } from '@inbox-crm/shared/client';
import { formatDay, formatMoney } from '../../ui/format.js';
import { consoleRecordPath } from '../../ui/record-links.js';
import { useListStyles } from '../../ui/list-styles.js';
import { Section } from '../../ui/section.js';

/** Open opportunities, cases and tasks with this person or company. */
export function OpenItems({ view }: { view: SenderView }) {
  const lists = useListStyles();
  return (
    <>
      <Section
        title="Open opportunities"
        isEmpty={view.opportunities.length === 0}
        empty="No open opportunities"
      >
        <ul className={lists.list}>
          {view.opportunities.map((opportunity) => (
            <li key={opportunity.id} className={lists.entry}>
              <Link href={consoleRecordPath({ type: 'opportunity', id: opportunity.id })} target="_blank">
                {opportunity.name}
              </Link>
              <Text size={200} className={lists.meta}>
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
        <ul className={lists.list}>
          {view.cases.map((item) => (
            <li key={item.id} className={lists.entry}>
              <Link href={consoleRecordPath({ type: 'case', id: item.id })} target="_blank">
                {item.subject}
              </Link>
              <Text size={200} className={lists.meta}>
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
        <ul className={lists.list}>
          {view.tasks.map((task) => (
            <li key={task.id} className={lists.entry}>
              <Text>{task.title}</Text>
              <Text size={200} className={lists.meta}>
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
