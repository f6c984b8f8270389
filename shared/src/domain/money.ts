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
