import { DateTime } from 'luxon';
import {
  foldForSearch,
  isEmailAddress,
  minorUnits,
  normalizeEmail,
  toE164,
  type ImportDateFormat,
} from '@inbox-crm/shared';
import type { ImportContext } from './import-context.js';
import { RowRefused } from './outcome.js';

/** A row's cells by the field each column fills; empty cells are left out. */
export type RowValues = Readonly<Record<string, string>>;

export function rowValues(cells: readonly string[], mapping: Readonly<Record<string, string>>): RowValues {
  const values: Record<string, string> = {};
  for (const [column, field] of Object.entries(mapping)) {
    const cell = cells[Number(column)]?.trim() ?? '';
    if (cell !== '') values[field] = cell;
  }
  return values;
}

/** The cell, no longer than `max`, or a refusal saying which field ran over. */
export function text(values: RowValues, field: string, label: string, max: number): string | undefined {
  const value = values[field];
  if (value !== undefined && value.length > max)
    throw new RowRefused(`${label} is longer than ${max} characters.`);
  return value;
}

export function emailIn(values: RowValues, field: string, label: string): string | undefined {
  const value = values[field];
  if (value === undefined) return undefined;
  if (!isEmailAddress(value) || value.length > 254)
    throw new RowRefused(`${label} “${value}” is not an email address.`);
  return normalizeEmail(value);
}

export function phoneIn(
  values: RowValues,
  field: string,
  label: string,
  country: string,
): string | undefined {
  const value = values[field];
  if (value === undefined) return undefined;
  const e164 = toE164(value, country);
  if (e164 === null) throw new RowRefused(`${label} “${value}” is not a phone number.`);
  return e164;
}

const DATE_FORMATS: Record<Exclude<ImportDateFormat, 'iso'>, string[]> = {
  'dd/MM/yyyy': ['d/M/yyyy', 'd/M/yyyy H:mm', 'd/M/yyyy H:mm:ss'],
  'MM/dd/yyyy': ['M/d/yyyy', 'M/d/yyyy H:mm', 'M/d/yyyy h:mm a', 'M/d/yyyy H:mm:ss'],
  'dd.MM.yyyy': ['d.M.yyyy', 'd.M.yyyy H:mm', 'd.M.yyyy H:mm:ss'],
};

/** A date (and maybe a time) as the import's format writes it, or ISO 8601; times without a zone are UTC. */
export function dateTimeIn(
  values: RowValues,
  field: string,
  label: string,
  format: ImportDateFormat,
): DateTime | undefined {
  const value = values[field];
  if (value === undefined) return undefined;
  const candidates = [
    DateTime.fromISO(value, { zone: 'utc', setZone: true }),
    ...(format === 'iso'
      ? []
      : DATE_FORMATS[format].map((pattern) => DateTime.fromFormat(value, pattern, { zone: 'utc' }))),
  ];
  const read = candidates.find(
    (candidate) => candidate.isValid && candidate.year >= 1900 && candidate.year <= 2200,
  );
  if (!read) {
    const shown =
      format === 'iso'
        ? '2026-03-31'
        : format.replace('dd', '31').replace('MM', '03').replace('yyyy', '2026');
    throw new RowRefused(`${label} “${value}” is not a date like ${shown}.`);
  }
  return read;
}

export function dateIn(
  values: RowValues,
  field: string,
  label: string,
  format: ImportDateFormat,
): string | undefined {
  return dateTimeIn(values, field, label, format)?.toISODate() ?? undefined;
}

export function wholeNumberIn(
  values: RowValues,
  field: string,
  label: string,
  min: number,
  max: number,
): number | undefined {
  const value = values[field];
  if (value === undefined) return undefined;
  const number = Number(value.replace(/%$/, '').trim());
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new RowRefused(`${label} “${value}” is not a whole number from ${min} to ${max}.`);
  }
  return number;
}

export function currencyIn(values: RowValues, context: ImportContext): string {
  const value = values.currency?.toUpperCase() ?? context.settings.currency;
  if (!/^[A-Z]{3}$/.test(value))
    throw new RowRefused(`Currency “${value}” is not a three-letter code like EUR.`);
  return value;
}

export function amountIn(values: RowValues, currency: string): number | undefined {
  const value = values.amount;
  if (value === undefined) return undefined;
  const minor = minorUnits(value.replace(/^[^\d]+/, ''), currency);
  if (minor === null)
    throw new RowRefused(`Amount “${value}” is not an amount in ${currency} like 1,250.00.`);
  return minor;
}

/** The user a cell names, by address or by name. */
export function ownerIn(values: RowValues, context: ImportContext): string | undefined {
  const value = values.owner;
  if (value === undefined) return undefined;
  const id = context.users.get(value.includes('@') ? normalizeEmail(value) : foldForSearch(value));
  if (id === undefined) throw new RowRefused(`Owner “${value}” is not an active user of your organisation.`);
  return id;
}

/** One of a fixed list of values, written as its code or its words in any case (“In progress”). */
export function choiceIn<T extends string>(
  values: RowValues,
  field: string,
  label: string,
  choices: readonly T[],
): T | undefined {
  const value = values[field];
  if (value === undefined) return undefined;
  const folded = foldForSearch(value);
  const choice = choices.find((candidate) => foldForSearch(candidate) === folded);
  if (choice === undefined) throw new RowRefused(`${label} “${value}” is not one of: ${choices.join(', ')}.`);
  return choice;
}
