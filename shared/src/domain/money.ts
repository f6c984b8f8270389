/**
 * An amount kept in the currency's minor unit, shown in its major unit in the given locale
 * (the runtime's by default): 123456 EUR → €1,234.56. Null when there is no amount.
 */
export function formatMoney(
  amountMinor: number | null,
  currency: string | null,
  locale?: string,
): string | null {
  if (amountMinor === null) return null;
  if (currency === null) return amountMinor.toLocaleString(locale);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** How many minor units a currency's major unit has, as a power of ten: 2 for EUR, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount in the currency's major unit (123456 EUR cents → 1234.56), for spreadsheets and forms. */
export function majorUnits(amountMinor: number | null, currency: string | null): number | null {
  if (amountMinor === null) return null;
  return currency === null ? amountMinor : amountMinor / 10 ** currencyDigits(currency);
}

const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/**
 * What someone typed as an amount in minor units: `1234.5` or `1,234.50` (commas only between
 * thousands, so `1234,5` is refused rather than read as 12345); null when it is not a non-negative
 * number with at most the currency's decimals.
 */
export function minorUnits(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = AMOUNT.exec(text.trim());
  if (!match || (match[2] ?? '').length > digits) return null;
  const minor =
    Number(match[1]!.replace(/,/g, '')) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
