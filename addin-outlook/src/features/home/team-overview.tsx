import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HomeOversight, Role } from '@inbox-crm/shared/client';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { ConsoleLink } from '../console/console-link.js';
import { HomeSection } from './home-section.js';
import { openDealsPath } from './home-links.js';
import { DealEntries } from './my-deals.js';
import { countOf, monthOf } from './home-words.js';

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A manager's team, or (for an admin) the organisation: overdue tasks, and open deals closing this month. */
export function TeamOverview({ oversight, role }: { oversight: HomeOversight | null; role: Role }) {
  const styles = useStyles();
  if (oversight === null) {
    return role === 'manager' ? (
      <HomeSection title="My team">
        <Text>
          You are in no team yet. Once an admin adds you to one, your team’s overdue tasks and deals closing
          this month show here.
        </Text>
      </HomeSection>
    ) : null;
  }
  const team = oversight.scope === 'team';
  const closing = oversight.closingThisMonth;
  const month = monthOf(closing.from);
  const overdue = oversight.overdueTasks;
  return (
    <HomeSection
      title={team ? 'My team' : 'The organisation'}
      more={{
        to: openDealsPath({
          ...(team ? { owner: 'team' } : {}),
          closeFrom: closing.from,
          closeTo: closing.to,
        }),
        label: `All open deals closing in ${month}`,
      }}
    >
      <Text>
        <span className={overdue.value > 0 ? styles.overdue : undefined}>
          {overdue.value === 0 ? 'No overdue tasks' : `${countOf(overdue, 'overdue task', 'overdue tasks')}`}
        </span>
        {team ? ' in the team' : ' across the organisation'}
        {team && overdue.value > 0 && (
          <>
            {' · '}
            <ConsoleLink to={CONSOLE_PATHS.tasks}>See the team’s tasks</ConsoleLink>
          </>
        )}
      </Text>
      <Text>
        {closing.total.value === 0
          ? `No open deals close in ${month}.`
          : `${countOf(closing.total, 'open deal closes', 'open deals close')} in ${month}:`}
      </Text>
      {closing.items.length > 0 && (
        <DealEntries deals={closing.items} label={`Open deals closing in ${month}`} />
      )}
    </HomeSection>
  );
}
