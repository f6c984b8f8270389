import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import {
  consoleRecordPath,
  formatMoney,
  majorUnits,
  type ReportName,
  type Reports,
} from '@inbox-crm/shared/client';
import type { ReactNode } from 'react';
import { ConsoleLink } from '../console/console-link.js';
import { WinRateFigures } from './deal-charts.js';
import { BAR_CHART, FittingChart, ChartNote, compactNumber, duration, Figures } from './chart-parts.js';

// Each report as a home tile: its headline numbers and, where it reads at a glance, one small
// chart; the report page has the rest.

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

// A tile is narrow: stage names are turned so that every one shows.
const TILE_CHART = { ...BAR_CHART, height: 200, wrapXAxisLables: false, rotateXAxisLables: true } as const;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function AccountList({ items }: { items: { id: string; name: string; note: string }[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.id}>
          <ConsoleLink to={consoleRecordPath({ type: 'account', id: item.id })}>{item.name}</ConsoleLink>{' '}
          {item.note}
        </li>
      ))}
    </ul>
  );
}

export const TILE_VIEWS: { [N in ReportName]: (report: Reports[N]['report']) => ReactNode } = {
  pipeline: (report) => {
    const total = report.totals[0];
    if (!total) return <ChartNote>No open deal has an amount.</ChartNote>;
    const data = report.stages.map((stage) => {
      const amount = stage.amounts.find((row) => row.currency === total.currency);
      return {
        name: stage.name,
        series: [
          {
            key: 'amount',
            legend: 'Amount',
            data: majorUnits(amount?.amountMinor ?? 0, total.currency) ?? 0,
            color: tokens.colorPaletteBlueBorderActive,
          },
          {
            key: 'weighted',
            legend: 'Weighted',
            data: majorUnits(amount?.weightedMinor ?? 0, total.currency) ?? 0,
            color: tokens.colorPaletteTealBorderActive,
          },
        ],
      };
    });
    return (
      <>
        <Figures
          items={[
            [`Open in ${total.currency}`, formatMoney(total.amountMinor, total.currency) ?? ''],
            ['Weighted', formatMoney(total.weightedMinor, total.currency) ?? ''],
            ...(report.totals.length > 1
              ? [
                  [
                    'Also open in',
                    report.totals
                      .slice(1)
                      .map((row) => row.currency)
                      .join(', '),
                  ] as [string, string],
                ]
              : []),
          ]}
        />
        <FittingChart>
          <GroupedVerticalBarChart data={data} {...TILE_CHART} yAxisTickFormat={compactNumber} />
        </FittingChart>
      </>
    );
  },
  forecast: (report) => {
    const series = report.series[0];
    if (!series) return <ChartNote>No deal with an amount closes in the coming months.</ChartNote>;
    const next = series.months[0]!;
    return (
      <Figures
        items={[
          [
            `Weighted, ${series.currency}, this month`,
            formatMoney(next.weightedMinor, series.currency) ?? '',
          ],
          ['Won this month', formatMoney(next.wonMinor, series.currency) ?? ''],
          [
            `Weighted, next ${series.months.length} months`,
            formatMoney(sum(series.months.map((m) => m.weightedMinor)), series.currency) ?? '',
          ],
        ]}
      />
    );
  },
  'win-rate': (report) => <WinRateFigures report={report} />,
  activity: (report) => {
    const total = (key: 'emails' | 'calls' | 'meetings' | 'notes') =>
      String(sum(report.people.map((person) => person.totals[key])));
    return (
      <Figures
        items={[
          ['Emails filed', total('emails')],
          ['Calls', total('calls')],
          ['Meetings', total('meetings')],
          ['Notes', total('notes')],
        ]}
      />
    );
  },
  'going-cold': (report) =>
    report.accounts.length === 0 ? (
      <ChartNote>Every account was touched in the last {report.days} days.</ChartNote>
    ) : (
      <AccountList
        items={report.accounts.slice(0, 4).map((account) => ({
          id: account.accountId,
          name: account.name,
          note: account.largestOpenDeal
            ? `· ${formatMoney(account.largestOpenDeal.amountMinor, account.largestOpenDeal.currency)} open`
            : '',
        }))}
      />
    ),
  cases: (report) => (
    <Figures
      items={[
        ['Opened', String(sum(report.weeks.map((week) => week.opened)))],
        ['Resolved', String(sum(report.weeks.map((week) => week.resolved)))],
        ['Open now', String(sum(report.openByAge.map((row) => row.cases)))],
        ['Median first response', duration(report.firstResponse.medianHours)],
      ]}
    />
  ),
  correspondence: (report) =>
    report.accounts.length === 0 ? (
      <ChartNote>No email was filed to an account in these months.</ChartNote>
    ) : (
      <AccountList
        items={report.accounts.slice(0, 4).map((account) => ({
          id: account.accountId,
          name: account.name,
          note: `· ${account.emails} emails${account.writers[0] ? `, most from ${account.writers[0].person.name}` : ''}`,
        }))}
      />
    ),
};
