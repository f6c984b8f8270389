import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatMoney, type AccountSummary } from '@inbox-crm/shared/client';
import { formatDay, metaLine } from '../../ui/format.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';

const useStyles = makeStyles({
  line: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Open pipeline €1,500.00 and $70.00 · 2 open cases · last touch 1 Oct 2026". */
export function summaryText(summary: AccountSummary): string {
  const pipeline = summary.openPipeline.map((amount) => formatMoney(amount.amountMinor, amount.currency));
  return metaLine(
    pipeline.length > 0
      ? `Open pipeline ${pipeline.join(' and ')}`
      : summary.openDeals > 0
        ? plural(summary.openDeals, 'open deal', 'open deals')
        : 'No open deals',
    plural(summary.openCases, 'open case', 'open cases'),
    summary.lastTouchAt ? `last touch ${formatDay(summary.lastTouchAt)}` : 'never touched',
  );
}

/**
 * The account's open pipeline, open cases and last touch, asked for once the card is shown, so it
 * never holds up the sender view; says nothing if it cannot be had (it is context, not the record).
 */
export function AccountSummaryLine({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const { api } = useServices();
  const loaded = useRequest(`account summary ${accountId}`, () => api.accountSummary(accountId));
  if (loaded.state.status !== 'done') return null;
  return <Text className={styles.line}>{summaryText(loaded.state.data)}</Text>;
}
