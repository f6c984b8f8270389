import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ImageRegular } from '@fluentui/react-icons';
import { useRef, useState, type ReactNode } from 'react';
import { reportTables, type ReportName, type Reports } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { saveFile } from '../../ui/save-file.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useNavigate } from '../console/console-link.js';
import { pngOf, standaloneSvg } from './chart-export.js';
import { ForecastChart, PipelineChart, WinRateChart } from './deal-charts.js';
import { drillFor, type Drill } from './report-drill.js';
import { reportQueryOf, type ReportFilterValues } from './report-filters.js';
import { ReportTablesView } from './report-tables-view.js';
import { rangeLine, REPORT_TITLES } from './report-words.js';
import { ActivityChart, CasesChart, CorrespondenceChart, GoingColdList } from './work-charts.js';

const useStyles = makeStyles({
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: '12rem', display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** What each report draws; going cold is a list, so it has no chart to save. */
const VIEWS: { [N in ReportName]: (report: Reports[N]['report'], drill: Drill) => ReactNode } = {
  pipeline: (report, drill) => <PipelineChart report={report} drill={drill} />,
  forecast: (report, drill) => <ForecastChart report={report} drill={drill} />,
  'win-rate': (report, drill) => <WinRateChart report={report} drill={drill} />,
  activity: (report, drill) => <ActivityChart report={report} drill={drill} />,
  'going-cold': (report) => <GoingColdList report={report} />,
  cases: (report, drill) => <CasesChart report={report} drill={drill} />,
  correspondence: (report, drill) => <CorrespondenceChart report={report} drill={drill} />,
};

const today = () => new Date().toISOString().slice(0, 10);

/** The page's background colour, for a saved chart to sit on (the dark theme's, in the dark theme). */
function backgroundOf(element: HTMLElement): string {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
  }
  return '#ffffff';
}

/** The biggest drawing in the chart area: the first chart's plot, not a legend's swatch. */
function chartSvg(area: HTMLElement): SVGSVGElement | null {
  const area2 = (svg: SVGSVGElement) =>
    svg.getBoundingClientRect().width * svg.getBoundingClientRect().height;
  return [...area.querySelectorAll('svg')].sort((a, b) => area2(b) - area2(a))[0] ?? null;
}

/** One report: its chart or its tables, what it covers, and its exports. */
export function ReportView<N extends ReportName>({ name, values }: { name: N; values: ReportFilterValues }) {
  const styles = useStyles();
  const { api, user } = useServices();
  const navigate = useNavigate();
  const query = reportQueryOf(name, values) as Reports[N]['query'];
  const loaded = useRequest(`${name} ${JSON.stringify(query)}`, () => api.report(name, query));
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chartArea = useRef<HTMLDivElement>(null);
  const state = loaded.state;
  const hasChart = name !== 'going-cold';

  const saveChart = async (format: 'svg' | 'png') => {
    const svg = chartArea.current && chartSvg(chartArea.current);
    if (!svg) return;
    const text = standaloneSvg(svg, backgroundOf(chartArea.current!));
    const { width, height } = svg.getBoundingClientRect();
    const file =
      format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await pngOf(text, width, height);
    saveFile(file, `${name}-chart-${today()}.${format}`);
  };

  return (
    <section className={styles.report} aria-label={REPORT_TITLES[name].title}>
      <div className={styles.head}>
        <div className={styles.grow}>
          <Text as="h2" size={500} weight="semibold">
            {REPORT_TITLES[name].title}
          </Text>
          <Text className={styles.muted}>{REPORT_TITLES[name].description}</Text>
          {state.status === 'done' && 'range' in state.data && (
            <Text size={200} className={styles.muted}>
              {rangeLine(state.data.range)}
            </Text>
          )}
        </div>
        {hasChart && (
          <TabList
            size="small"
            aria-label="Show as"
            selectedValue={view}
            onTabSelect={(_, data) => setView(data.value as 'chart' | 'table')}
          >
            <Tab value="chart">Chart</Tab>
            <Tab value="table">Table</Tab>
          </TabList>
        )}
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() =>
            void api.exportReport(name, query).then((file) => saveFile(file, `${name}-report-${today()}.csv`))
          }
        >
          Download CSV
        </Button>
        {hasChart && view === 'chart' && (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button icon={<ImageRegular />}>Save chart</Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={() => void saveChart('svg')}>As SVG</MenuItem>
                <MenuItem onClick={() => void saveChart('png')}>As PNG</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>
      {state.status === 'loading' && <Spinner label="Counting…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={loaded.reload} />}
      {state.status === 'done' && (
        <div className={styles.body} ref={chartArea}>
          {view === 'chart' || !hasChart ? (
            (VIEWS[name] as (report: Reports[N]['report'], drill: Drill) => ReactNode)(
              state.data,
              drillFor(values, user, navigate),
            )
          ) : (
            <ReportTablesView tables={reportTables(name, state.data)} />
          )}
        </div>
      )}
    </section>
  );
}
