import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { MyDeals } from './my-deals.js';
import { MyTasks } from './my-tasks.js';
import { RecentMail } from './recent-mail.js';
import { RecentlyViewed } from './recently-viewed.js';
import { TeamOverview } from './team-overview.js';

// The dashboard draws charts: it comes with the reports' code, loaded when the home first shows.
const DashboardTiles = lazy(() => import('../reports/dashboard-tiles.js'));

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

/**
 * Where the console opens: the person's open tasks and deals, what they opened and the mail filed
 * to their records; a manager's team and an admin's organisation besides; and a dashboard of their reports.
 */
export function HomePage() {
  const styles = useStyles();
  const { api, user } = useServices();
  const loaded = useRequest('home', () => api.home());
  const state = loaded.state;
  return (
    <div className={styles.page}>
      <Text as="h1" block size={700} weight="semibold">
        Home
      </Text>
      {state.status === 'loading' && <Spinner label="Loading your work…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={loaded.reload} />}
      <Suspense fallback={<Spinner size="small" label="Loading your dashboard…" />}>
        <DashboardTiles />
      </Suspense>
      {state.status === 'done' && (
        <div className={styles.grid}>
          <MyTasks tasks={state.data.tasks} />
          <MyDeals deals={state.data.deals} />
          <TeamOverview oversight={state.data.oversight} role={user.role} />
          <RecentlyViewed views={state.data.recentlyViewed} />
          <RecentMail mail={state.data.recentMail} />
        </div>
      )}
    </div>
  );
}
