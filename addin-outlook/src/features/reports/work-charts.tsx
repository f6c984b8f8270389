import { GroupedVerticalBarChart, VerticalStackedBarChart } from '@fluentui/react-charts';
import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import {
  CASE_AGE_NAMES,
  consoleRecordPath,
  formatMoney,
  openedDaysOf,
  PRIORITY_NAMES,
  type ActivityReport,
  type CaseAgeBucket,
  type CaseReport,
  type CorrespondenceReport,
  type GoingColdReport,
} from '@inbox-crm/shared/client';
import { formatDay } from '../../ui/format.js';
import { ConsoleLink } from '../console/console-link.js';
import {
  BAR_CHART,
  ChartBlock,
  ChartNote,
  clickStackedPoint,
  duration,
  Figures,
  ScrollingTable,
} from './chart-parts.js';
import { weekDays, type Drill } from './report-drill.js';
import { monthLabel, weekLabel } from './report-words.js';

const KIND_COLORS = {
  Emails: tokens.colorPaletteBlueBorderActive,
  Calls: tokens.colorPaletteTealBorderActive,
  Meetings: tokens.colorPaletteMarigoldBorderActive,
  Notes: tokens.colorPaletteLavenderBorderActive,
};
const OPEN_CASE_STATUSES = ['new', 'open', 'pending'] as const;
const PRIORITY_COLORS = {
  low: tokens.colorPaletteLightGreenBorderActive,
  normal: tokens.colorPaletteBlueBorderActive,
  high: tokens.colorPaletteMarigoldBorderActive,
  urgent: tokens.colorPaletteRedBorderActive,
};

/** A table cell naming an account, as a link to its page. */
function AccountCell({ account }: { account: { accountId: string; name: string } }) {
  return (
    <TableCell>
      <ConsoleLink to={consoleRecordPath({ type: 'account', id: account.accountId })}>
        {account.name}
      </ConsoleLink>
    </TableCell>
  );
}

const KIND_OF_LEGEND = { Emails: 'email', Calls: 'call', Meetings: 'meeting', Notes: 'note' } as const;

export function ActivityChart({ report, drill }: { report: ActivityReport; drill: Drill }) {
  const { timeZone } = report.range;
  const data = report.weeks.map((week, index) => {
    const sum = (key: 'emails' | 'calls' | 'meetings' | 'notes') =>
      report.people.reduce((total, person) => total + (person.weeks[index]?.[key] ?? 0), 0);
    // A week's bar opens its kind's activities on its days, cut to the report's period.
    const days = weekDays(week);
    const from = report.range.from && report.range.from > days.from ? report.range.from : days.from;
    const to = report.range.to && report.range.to < days.to ? report.range.to : days.to;
    return {
      xAxisPoint: weekLabel(week),
      chartData: (
        [
          ['Emails', sum('emails')],
          ['Calls', sum('calls')],
          ['Meetings', sum('meetings')],
          ['Notes', sum('notes')],
        ] as const
      ).map(([legend, count]) => ({
        legend,
        data: count,
        color: KIND_COLORS[legend],
        onClick: () => drill.activities({ type: KIND_OF_LEGEND[legend], atFrom: from, atTo: to, timeZone }),
      })),
    };
  });
  return (
    <>
      <ChartBlock title="Activity per week">
        <VerticalStackedBarChart data={data} {...BAR_CHART} onBarClick={clickStackedPoint} />
      </ChartBlock>
      <ChartNote>Per person in the table view; emails count when they were filed.</ChartNote>
    </>
  );
}

export function CasesChart({ report, drill }: { report: CaseReport; drill: Drill }) {
  const { timeZone } = report.range;
  const weeks = report.weeks.map((week) => {
    const days = weekDays(week.week);
    return {
      name: weekLabel(week.week),
      series: [
        {
          key: 'opened',
          legend: 'Opened',
          data: week.opened,
          color: tokens.colorPaletteBlueBorderActive,
          onClick: () => drill.cases({ openedFrom: days.from, openedTo: days.to, timeZone }),
        },
        {
          key: 'resolved',
          legend: 'Resolved',
          data: week.resolved,
          color: tokens.colorPaletteGreenBorderActive,
          onClick: () => drill.cases({ resolvedFrom: days.from, resolvedTo: days.to, timeZone }),
        },
      ],
    };
  });
  const ages = (Object.keys(CASE_AGE_NAMES) as CaseAgeBucket[]).map((age) => {
    const opened = openedDaysOf(age, report.today);
    return {
      xAxisPoint: CASE_AGE_NAMES[age],
      chartData: (Object.keys(PRIORITY_COLORS) as (keyof typeof PRIORITY_COLORS)[]).map((priority) => ({
        legend: PRIORITY_NAMES[priority],
        data: report.openByAge.find((row) => row.age === age && row.priority === priority)?.cases ?? 0,
        color: PRIORITY_COLORS[priority],
        onClick: () =>
          drill.cases({
            status: [...OPEN_CASE_STATUSES],
            priority,
            ...(opened.from ? { openedFrom: opened.from } : {}),
            openedTo: opened.to,
            timeZone,
          }),
      })),
    };
  });
  return (
    <>
      <Figures
        items={[
          ['Median first response', duration(report.firstResponse.medianHours)],
          ['Not yet answered', String(report.firstResponse.unanswered)],
          ['Median time to resolve', duration(report.resolution.medianHours)],
        ]}
      />
      <ChartBlock title="Cases opened and resolved per week">
        <GroupedVerticalBarChart data={weeks} {...BAR_CHART} />
      </ChartBlock>
      <ChartBlock title="Open cases by age and priority">
        <VerticalStackedBarChart data={ages} {...BAR_CHART} onBarClick={clickStackedPoint} />
      </ChartBlock>
      <Link onClick={() => drill.cases({ status: [...OPEN_CASE_STATUSES] })}>
        Open the list of open cases
      </Link>
    </>
  );
}

export function CorrespondenceChart({ report, drill }: { report: CorrespondenceReport; drill: Drill }) {
  if (report.accounts.length === 0) {
    return <ChartNote>No email was filed to an account in these months.</ChartNote>;
  }
  const data = report.accounts.slice(0, 10).map((account) => ({
    xAxisPoint: account.name,
    chartData: report.months.map((month, index) => ({
      legend: monthLabel(month),
      data: account.months[index]?.emails ?? 0,
      onClick: () => drill.record('account', account.accountId),
    })),
  }));
  return (
    <>
      <ChartBlock title="Email per account and month (the ten with most)">
        <VerticalStackedBarChart data={data} {...BAR_CHART} wrapXAxisLables onBarClick={clickStackedPoint} />
      </ChartBlock>
      <ScrollingTable>
        <Table size="small" aria-label="Who writes to each account">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Emails</TableHeaderCell>
              <TableHeaderCell>Our people writing</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.accounts.map((account) => (
              <TableRow key={account.accountId}>
                <AccountCell account={account} />
                <TableCell>{account.emails}</TableCell>
                <TableCell>
                  {account.writers.map((writer) => `${writer.person.name} (${writer.emails})`).join(', ') ||
                    '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollingTable>
    </>
  );
}

export function GoingColdList({ report }: { report: GoingColdReport }) {
  if (report.accounts.length === 0) {
    return <ChartNote>Every account has been touched in the last {report.days} days.</ChartNote>;
  }
  return (
    <>
      <ScrollingTable>
        <Table size="small" aria-label={`Accounts untouched for ${report.days} days`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Owner</TableHeaderCell>
              <TableHeaderCell>Last touch</TableHeaderCell>
              <TableHeaderCell>Largest open deal</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.accounts.map((account) => (
              <TableRow key={account.accountId}>
                <AccountCell account={account} />
                <TableCell>{account.owner?.name ?? 'No owner'}</TableCell>
                <TableCell>{account.lastTouchAt ? formatDay(account.lastTouchAt) : 'Never'}</TableCell>
                <TableCell>
                  {account.largestOpenDeal
                    ? `${formatMoney(account.largestOpenDeal.amountMinor, account.largestOpenDeal.currency)}${
                        account.openDeals > 1 ? ` (of ${account.openDeals} open)` : ''
                      }`
                    : account.openDeals > 0
                      ? `${account.openDeals} open, no amount`
                      : 'None'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollingTable>
      {report.more && <ChartNote>More accounts are cold than shown; narrow to a person or a team.</ChartNote>}
    </>
  );
}
