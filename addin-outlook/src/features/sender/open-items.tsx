import { Badge, Link } from '@fluentui/react-components';
import {
  CASE_STATUS_NAMES,
  consoleRecordPath,
  isOverdue,
  PRIORITY_NAMES,
  type SenderView,
} from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { formatDate, formatDay, formatMoney, metaLine } from '../../ui/format.js';
import { Section } from '../../ui/section.js';

const URGENT = new Set(['high', 'urgent']);

/** Open opportunities, cases and tasks with this person or company. */
export function OpenItems({ view }: { view: SenderView }) {
  return (
    <>
      <Section
        title="Open opportunities"
        isEmpty={view.opportunities.length === 0}
        empty="No open opportunities"
      >
        <EntryList
          entries={view.opportunities.map((opportunity) => ({
            key: opportunity.id,
            title: (
              <Link href={consoleRecordPath({ type: 'opportunity', id: opportunity.id })} target="_blank">
                {opportunity.name}
              </Link>
            ),
            meta: metaLine(
              opportunity.stage,
              formatMoney(opportunity.amountMinor, opportunity.currency),
              opportunity.closeDate && `closes ${formatDate(opportunity.closeDate)}`,
            ),
          }))}
        />
      </Section>
      <Section title="Open cases" isEmpty={view.cases.length === 0} empty="No open cases">
        <EntryList
          entries={view.cases.map((item) => ({
            key: item.id,
            title: (
              <Link href={consoleRecordPath({ type: 'case', id: item.id })} target="_blank">
                {item.subject}
              </Link>
            ),
            meta: (
              <>
                {CASE_STATUS_NAMES[item.status]} ·{' '}
                <Badge
                  appearance="tint"
                  color={URGENT.has(item.priority) ? 'danger' : 'informative'}
                  size="small"
                >
                  {PRIORITY_NAMES[item.priority]}
                </Badge>
              </>
            ),
          }))}
        />
      </Section>
      <Section title="Open tasks" isEmpty={view.tasks.length === 0} empty="No open tasks">
        <EntryList
          entries={view.tasks.map((task) => ({
            key: task.id,
            title: task.title,
            meta: (
              <>
                {isOverdue(task.dueAt) && (
                  <>
                    <Badge appearance="tint" color="danger" size="small">
                      Overdue
                    </Badge>{' '}
                  </>
                )}
                {metaLine(
                  task.dueAt && `due ${formatDay(task.dueAt)}`,
                  task.assignee?.name,
                  task.priority !== 'normal' && `${PRIORITY_NAMES[task.priority]} priority`,
                )}
              </>
            ),
          }))}
        />
      </Section>
    </>
  );
}
