import { GroupedVerticalBarChart, VerticalBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  formatMoney,
  majorUnits,
  type ForecastReport,
  type PipelineReport,
  type WinRateReport,
} from '@inbox-crm/shared/client';
import { BAR_CHART, ChartBlock, ChartNote, compactNumber, CurrencyTabs, Figures } from './chart-parts.js';
import { monthDays, type Drill } from './report-drill.js';
import { monthLabel, percent } from './report-words.js';

const COLORS = {
  amount: tokens.colorPaletteBlueBorderActive,
  weighted: tokens.colorPaletteTealBorderActive,
  won: tokens.colorPaletteGreenBorderActive,
  lost: tokens.colorPaletteRedBorderActive,
};

function useCurrency(currencies: string[]) {
  const [chosen, choose] = useState(currencies[0] ?? '');
  return [currencies.includes(chosen) ? chosen : (currencies[0] ?? ''), choose] as const;
}

const money = (minor: number, currency: string) => formatMoney(minor, currency) ?? '';

/** One bar of a money chart, in the major unit, opening the deals behind it when it can. */
function bar(
  key: string,
  legend: string,
  minor: number,
  currency: string,
  color: string,
  onClick?: () => void,
) {
  return {
    key,
    legend,
    data: majorUnits(minor, currency) ?? 0,
    color,
    yAxisCalloutData: money(minor, currency),
    ...(onClick ? { onClick } : {}),
  };
}

export function PipelineChart({ report, drill }: { report: PipelineReport; drill: Drill }) {
  const currencies = report.totals.map((total) => total.currency);
  const [currency, choose] = useCurrency(currencies);
  const total = report.totals.find((row) => row.currency === currency);
  if (!total) {
    return (
      <ChartNote>
        {report.unpricedDeals > 0
          ? `${report.unpricedDeals} deals, none with an amount to draw.`
          : 'No deals in this selection.'}
      </ChartNote>
    );
  }
  const data = report.stages.map((stage) => {
    const amounts = stage.amounts.find((amount) => amount.currency === currency);
    const open = () =>
      drill.opportunities({
        stageId: stage.stageId,
        status: stage.kind,
        ...(report.range.from ? { closeFrom: report.range.from } : {}),
        ...(report.range.to ? { closeTo: report.range.to } : {}),
      });
    return {
      name: stage.name,
      series: [
        bar('amount', 'Amount', amounts?.amountMinor ?? 0, currency, COLORS.amount, open),
        bar('weighted', 'Weighted', amounts?.weightedMinor ?? 0, currency, COLORS.weighted, open),
      ],
    };
  });
  return (
    <>
      <CurrencyTabs currencies={currencies} value={currency} onChange={choose} />
      <Figures
        items={[
          ['Deals', String(total.deals)],
          [`Pipeline in ${currency}`, money(total.amountMinor, currency)],
          [`Weighted in ${currency}`, money(total.weightedMinor, currency)],
        ]}
      />
      <ChartBlock title={`Amount by stage${currency ? ` (${currency})` : ''}`}>
        <GroupedVerticalBarChart data={data} {...BAR_CHART} yAxisTickFormat={compactNumber} />
      </ChartBlock>
      {report.unpricedDeals > 0 && (
        <ChartNote>{report.unpricedDeals} deals have no amount and are counted but not drawn.</ChartNote>
      )}
    </>
  );
}

export function ForecastChart({ report, drill }: { report: ForecastReport; drill: Drill }) {
  const currencies = report.series.map((series) => series.currency);
  const [currency, choose] = useCurrency(currencies);
  const series = report.series.find((row) => row.currency === currency);
  if (!series) {
    return (
      <ChartNote>
        No deal with an amount is expected to close or was won in these months
        {report.undatedOpenDeals > 0 ? `; ${report.undatedOpenDeals} open deals have no close date` : ''}.
      </ChartNote>
    );
  }
  const data = report.months.map((month) => {
    const figures = series?.months.find((row) => row.month === month);
    const days = monthDays(month);
    const open = () => drill.opportunities({ status: 'open', closeFrom: days.from, closeTo: days.to });
    const won = () =>
      drill.opportunities({
        status: 'won',
        closedFrom: days.from,
        closedTo: days.to,
        timeZone: report.range.timeZone,
      });
    return {
      name: monthLabel(month),
      series: [
        bar('open', 'Open', figures?.openMinor ?? 0, currency, COLORS.amount, open),
        bar('weighted', 'Weighted', figures?.weightedMinor ?? 0, currency, COLORS.weighted, open),
        bar('won', 'Won', figures?.wonMinor ?? 0, currency, COLORS.won, won),
      ],
    };
  });
  return (
    <>
      <CurrencyTabs currencies={currencies} value={currency} onChange={choose} />
      <ChartBlock title={`Expected and won by month${currency ? ` (${currency})` : ''}`}>
        <GroupedVerticalBarChart data={data} {...BAR_CHART} yAxisTickFormat={compactNumber} />
      </ChartBlock>
      {(report.undatedOpenDeals > 0 || report.unpricedOpenDeals > 0) && (
        <ChartNote>
          Not drawn: {report.undatedOpenDeals} open deals without a close date and {report.unpricedOpenDeals}{' '}
          without an amount.
        </ChartNote>
      )}
    </>
  );
}

/** The win rate's headline numbers: the rate, deals won and lost, and the median days to win. */
/** The win rate's headline numbers; given a drill (the report page, not a tile), won and lost open their deals. */
export function WinRateFigures({ report, drill }: { report: WinRateReport; drill?: Drill }) {
  const { from, to, timeZone } = report.range;
  const closed = (status: 'won' | 'lost') =>
    drill &&
    (() =>
      drill.opportunities({
        status,
        ...(from ? { closedFrom: from } : {}),
        ...(to ? { closedTo: to } : {}),
        timeZone,
      }));
  return (
    <Figures
      items={[
        ['Win rate', percent(report.totals.winRate)],
        ['Won', String(report.totals.won), closed('won')],
        ['Lost', String(report.totals.lost), closed('lost')],
        [
          'Median days to win',
          report.salesCycle.medianDays === null ? '–' : String(report.salesCycle.medianDays),
        ],
      ]}
    />
  );
}

export function WinRateChart({ report, drill }: { report: WinRateReport; drill: Drill }) {
  const closedIn = (month: string, status: 'won' | 'lost') => () => {
    const days = monthDays(month);
    drill.opportunities({
      status,
      closedFrom: days.from,
      closedTo: days.to,
      timeZone: report.range.timeZone,
    });
  };
  const byMonth = report.byMonth.map((month) => ({
    name: monthLabel(month.month),
    series: [
      {
        key: 'won',
        legend: 'Won',
        data: month.won,
        color: COLORS.won,
        yAxisCalloutData: `${month.won} won (${percent(month.winRate)})`,
        onClick: closedIn(month.month, 'won'),
      },
      {
        key: 'lost',
        legend: 'Lost',
        data: month.lost,
        color: COLORS.lost,
        yAxisCalloutData: `${month.lost} lost`,
        onClick: closedIn(month.month, 'lost'),
      },
    ],
  }));
  const { from, to, timeZone } = report.range;
  const stages = report.timeInStage.map((stage) => ({
    x: stage.name,
    y: stage.medianDays ?? 0,
    color: COLORS.amount,
    onClick: () =>
      drill.opportunities({
        leftStageId: stage.stageId,
        ...(from ? { leftFrom: from } : {}),
        ...(to ? { leftTo: to } : {}),
        timeZone,
      }),
    yAxisCalloutData:
      stage.medianDays === null
        ? 'No deal left this stage'
        : `${stage.medianDays} days (median of ${stage.deals})`,
  }));
  return (
    <>
      <WinRateFigures report={report} drill={drill} />
      <ChartBlock title="Deals won and lost by month">
        <GroupedVerticalBarChart data={byMonth} {...BAR_CHART} />
      </ChartBlock>
      <ChartBlock title="Median days in each stage">
        <VerticalBarChart data={stages} {...BAR_CHART} hideLegend />
      </ChartBlock>
    </>
  );
}
