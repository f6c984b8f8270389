import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { LIST_TITLES } from '@inbox-crm/shared/client';
import { useNarrow } from '../../ui/use-narrow.js';
import { useServices } from '../../ui/services.js';
import { ConsoleLink } from './console-link.js';
import { CONSOLE_PATHS, RECORD_LISTS } from './console-route.js';

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, flexGrow: 1 },
  // On a narrow window the links are a column under the header, shown on request.
  column: {
    order: 1,
    flexBasis: '100%',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  spacer: { flexGrow: 1 },
});

/**
 * The record lists the header links to. The activities list is reached from the activity report's
 * bars, with their filters; an admin's header has no room left for it at 1440 px.
 */
const HEADER_LISTS = RECORD_LISTS.filter((list) => list !== 'activities');

/** The console's pages a person's role offers, in the order the header lists them. */
function usePages(): [path: string, label: string][] {
  const { user } = useServices();
  return [
    [CONSOLE_PATHS.home, 'Home'],
    [CONSOLE_PATHS.search, 'Search'],
    ...HEADER_LISTS.map((list): [string, string] => [CONSOLE_PATHS.list(list), LIST_TITLES[list].plural]),
    [CONSOLE_PATHS.pipeline, 'Pipeline'],
    [CONSOLE_PATHS.serviceQueue, 'Service queue'],
    [CONSOLE_PATHS.reports(), 'Reports'],
    [CONSOLE_PATHS.tasks, 'Tasks'],
    [CONSOLE_PATHS.mail, 'Filed mail'],
    ...(user.role !== 'member' ? [[CONSOLE_PATHS.plans, 'Plans'] as [string, string]] : []),
    ...(user.role === 'admin'
      ? ([
          [CONSOLE_PATHS.workflow, 'Workflow'],
          [CONSOLE_PATHS.people, 'People'],
          [CONSOLE_PATHS.deployment, 'Deployment'],
        ] as [string, string][])
      : []),
  ];
}

/**
 * The links to every page: in the header on a wide window; behind a Menu button on a narrow one,
 * where fourteen links would fill the screen before the page starts. `location` closes the menu
 * once a link was followed.
 */
export function ConsoleNav({ location }: { location: string }) {
  const styles = useStyles();
  const narrow = useNarrow();
  const pages = usePages();
  const [open, setOpen] = useState(false);
  const id = useId();
  useEffect(() => setOpen(false), [location]);

  const links = (
    <nav id={id} className={mergeClasses(styles.nav, narrow && styles.column)} aria-label="Console">
      {pages.map(([path, label]) => (
        <ConsoleLink key={path} to={path}>
          {label}
        </ConsoleLink>
      ))}
    </nav>
  );
  if (!narrow) return links;
  return (
    <>
      <Button
        appearance="subtle"
        icon={<NavigationRegular />}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </Button>
      <span className={styles.spacer} />
      {open && links}
    </>
  );
}
