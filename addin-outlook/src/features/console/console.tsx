import { Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { BoardPage } from '../boards/board-page.js';
import { PIPELINE, SERVICE_QUEUE } from '../boards/board-kinds.js';
import { RecordListPage } from '../lists/record-list-page.js';
import { CreateRecordProvider } from '../record-forms/create-record.js';
import { useServices } from '../../ui/services.js';
import { NotificationBell } from '../notifications/notification-bell.js';
import { EmptyState } from '../../ui/section.js';
import { HomePage } from '../home/home-page.js';
import { ConsoleLink, NavigateContext } from './console-link.js';
import { ConsoleNav } from './console-nav.js';
import { CONSOLE_PATHS } from './console-route.js';
import { DeploymentPage } from './deployment-page.js';
import { DataPage } from '../privacy/data-page.js';
import { ImportPage } from '../imports/import-page.js';
import { ImportsPage } from '../imports/imports-page.js';
import { EmailPage } from './email-page.js';
import { MailPage } from './mail-page.js';
import { RecordPage } from './record-page.js';
import { SearchPage } from './search-page.js';
import { TasksPage } from './tasks-page.js';
import { PeoplePage } from '../people/people-page.js';
import { ServiceDeskPage } from '../service-desk/service-desk-page.js';
import { PlansPage } from '../workflow/plans-page.js';
import { WorkflowPage } from '../workflow/workflow-page.js';
import { useConsoleRoute } from './use-console-route.js';

// Charts are heavy and only this page draws them: they load when it is first opened.
const ReportsPage = lazy(() => import('../reports/reports-page.js'));

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    maxWidth: '960px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  // Lists have many columns: they get more of a wide screen than a record page's reading width.
  wide: { maxWidth: '1280px' },
  // A board's columns take the whole window.
  full: { maxWidth: 'none' },
});

/** The app in a browser: home, search, record pages with their correspondence, tasks and filed mail. */
export default function Console() {
  const styles = useStyles();
  const { user, signOut } = useServices();
  const [route, navigate] = useConsoleRoute();

  return (
    <NavigateContext.Provider value={navigate}>
      <CreateRecordProvider>
        <header className={styles.header}>
          <Text weight="semibold" size={400}>
            Inbox CRM
          </Text>
          <ConsoleNav location={JSON.stringify(route)} />
          <NotificationBell inConsole />
          <Text>{user.name}</Text>
          <Button appearance="subtle" onClick={signOut}>
            Sign out
          </Button>
        </header>
        <main
          className={mergeClasses(
            styles.main,
            (route.page === 'list' || route.page === 'reports') && styles.wide,
            route.page === 'board' && styles.full,
          )}
        >
          {route.page === 'home' && <HomePage />}
          {route.page === 'search' && <SearchPage initialQuery={route.query} />}
          {route.page === 'record' && (
            <RecordPage key={`${route.record.type}:${route.record.id}`} record={route.record} />
          )}
          {route.page === 'list' && (
            <RecordListPage key={route.list} list={route.list} search={route.search} />
          )}
          {route.page === 'board' &&
            (route.board === 'pipeline' ? (
              <BoardPage key="pipeline" kind={PIPELINE} search={route.search} />
            ) : (
              <BoardPage key="queue" kind={SERVICE_QUEUE} search={route.search} />
            ))}
          {route.page === 'email' && <EmailPage key={route.id} id={route.id} />}
          {route.page === 'tasks' && <TasksPage />}
          {route.page === 'mail' && <MailPage />}
          {route.page === 'deployment' && <DeploymentPage />}
          {route.page === 'workflow' && <WorkflowPage />}
          {route.page === 'plans' && <PlansPage />}
          {route.page === 'people' && <PeoplePage />}
          {route.page === 'serviceDesk' && <ServiceDeskPage />}
          {route.page === 'data' && <DataPage />}
          {route.page === 'imports' && <ImportsPage key={route.recordType} recordType={route.recordType} />}
          {route.page === 'import' && <ImportPage key={route.id} id={route.id} />}
          {route.page === 'reports' && (
            <Suspense fallback={<Spinner label="Loading reports…" />}>
              <ReportsPage report={route.report} search={route.search} />
            </Suspense>
          )}
          {route.page === 'not-found' && (
            <EmptyState title="There is no such page">
              <ConsoleLink to={CONSOLE_PATHS.search}>Search the CRM</ConsoleLink> instead.
            </EmptyState>
          )}
        </main>
      </CreateRecordProvider>
    </NavigateContext.Provider>
  );
}
