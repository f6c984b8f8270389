import { makeStyles, tokens } from '@fluentui/react-components';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS, REPORT_ORDER } from '../console/console-route.js';
import { REPORT_TITLES } from '../reports/report-words.js';
import { HomeSection } from './home-section.js';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/** The reports, one link each, with what each answers. */
export function ReportLinks() {
  const styles = useStyles();
  return (
    <HomeSection title="Reports">
      <ul className={styles.list}>
        {REPORT_ORDER.map((name) => (
          <li key={name}>
            <ConsoleLink to={CONSOLE_PATHS.reports(name)}>{REPORT_TITLES[name].title}</ConsoleLink>
            {' — '}
            {REPORT_TITLES[name].description}
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}
