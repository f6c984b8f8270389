import { Button, Checkbox, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';
import { REPORT_NAMES, type ReportName, type Reports } from '@inbox-crm/shared/client';
import { useCardStyles } from '../../ui/card-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { rangeLine, REPORT_TITLES } from './report-words.js';
import { TILE_VIEWS } from './tile-views.js';

const useStyles = makeStyles({
  dashboard: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { margin: 0, flexGrow: 1 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    flexWrap: 'wrap',
  },
  grow: { flexGrow: 1, minWidth: '10rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** One report as a tile: its name (a link to the full report), what it covers, its headline numbers. */
function Tile<N extends ReportName>({ name }: { name: N }) {
  const styles = useStyles();
  const cards = useCardStyles();
  const { api } = useServices();
  const loaded = useRequest(`tile ${name}`, () => api.report(name));
  const headingId = useId();
  const state = loaded.state;
  return (
    <section className={cards.card} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={400} weight="semibold" style={{ margin: 0 }}>
        <ConsoleLink to={CONSOLE_PATHS.reports(name)}>{REPORT_TITLES[name].title}</ConsoleLink>
      </Text>
      {state.status === 'loading' && <Spinner size="small" label="Counting…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={loaded.reload} />}
      {state.status === 'done' && (
        <>
          {'range' in state.data && (
            <Text size={200} className={styles.muted}>
              {rangeLine(state.data.range)}
            </Text>
          )}
          {(TILE_VIEWS[name] as (report: Reports[N]['report']) => ReactNode)(state.data)}
        </>
      )}
    </section>
  );
}

/** Choosing the tiles: pin or unpin each report and move the pinned ones up or down. */
function TileEditor(props: {
  tiles: ReportName[];
  busy: boolean;
  onDone: (tiles: ReportName[] | 'default' | null) => void;
}) {
  const styles = useStyles();
  const [pinned, setPinned] = useState(props.tiles);
  const order = [...pinned, ...REPORT_NAMES.filter((name) => !pinned.includes(name))];
  const move = (name: ReportName, by: -1 | 1) => {
    const at = pinned.indexOf(name);
    const next = [...pinned];
    [next[at], next[at + by]] = [next[at + by]!, next[at]!];
    setPinned(next);
  };
  return (
    <div className={styles.dashboard}>
      <ul className={styles.editor} aria-label="Reports on my home">
        {order.map((name) => {
          const at = pinned.indexOf(name);
          const title = REPORT_TITLES[name].title;
          return (
            <li key={name} className={styles.row}>
              <Checkbox
                className={styles.grow}
                label={title}
                checked={at >= 0}
                onChange={(_, data) =>
                  setPinned(data.checked ? [...pinned, name] : pinned.filter((pin) => pin !== name))
                }
              />
              {at >= 0 && (
                <>
                  <Button
                    size="small"
                    icon={<ArrowUpRegular />}
                    aria-label={`Move ${title} up`}
                    disabled={at === 0}
                    onClick={() => move(name, -1)}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownRegular />}
                    aria-label={`Move ${title} down`}
                    disabled={at === pinned.length - 1}
                    onClick={() => move(name, 1)}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.busy} onClick={() => props.onDone(pinned)}>
          Save
        </Button>
        <Button disabled={props.busy} onClick={() => props.onDone('default')}>
          Use my role’s reports
        </Button>
        <Button appearance="subtle" onClick={() => props.onDone(null)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/**
 * The home's dashboard: the reports the person pinned (or their role's, until they choose), each
 * a tile with its headline numbers for the people they may see. Loaded with the charts, only in the console.
 */
export default function DashboardTiles() {
  const styles = useStyles();
  const { api } = useServices();
  const loaded = useRequest('dashboard', () => api.dashboard());
  const [editing, setEditing] = useState(false);
  const submission = useSubmission({ reusable: true });
  const headingId = useId();
  const state = loaded.state;

  const finish = (tiles: ReportName[] | 'default' | null) => {
    if (tiles === null) return setEditing(false);
    void submission.submit(async () => {
      await api.saveDashboard(tiles === 'default' ? null : tiles);
      setEditing(false);
      loaded.reload();
    });
  };

  return (
    <section className={styles.dashboard} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.title}>
          Dashboard
        </Text>
        {state.status === 'done' && !editing && (
          <Button onClick={() => setEditing(true)}>Choose reports</Button>
        )}
      </div>
      {state.status === 'loading' && <Spinner size="small" label="Loading your dashboard…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={loaded.reload} />}
      {submission.failure && <ProblemMessage error={submission.failure} />}
      {state.status === 'done' &&
        (editing ? (
          <TileEditor tiles={state.data.tiles} busy={submission.busy} onDone={finish} />
        ) : state.data.tiles.length === 0 ? (
          <Text className={styles.muted}>No reports pinned. Choose reports to see their numbers here.</Text>
        ) : (
          <div className={styles.grid}>
            {state.data.tiles.map((name) => (
              <Tile key={name} name={name} />
            ))}
          </div>
        ))}
    </section>
  );
}
