import {
  majorUnits,
  minorUnits,
  PHONE_LABEL_NAMES,
  type ContactPhone,
  type CreateOfType,
  type RecordOfType,
  type RecordType,
} from '@inbox-crm/shared/client';
import { formatPhoneForReading } from '@inbox-crm/shared/phone-display';

// What the console's record forms edit, field by field, and how a form's text becomes the API's
// body. A draft holds every field as the text its control shows, keyed by the API's field name, so
// the server's refusals (`/amountMinor`) land beside the right control.

export type Draft = Record<string, string>;
export type FieldErrors = Record<string, string>;

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'lines'
  | 'owner'
  | 'team'
  | 'account'
  | 'contact'
  | 'stage'
  | 'caseStatus'
  | 'priority'
  | 'amount'
  | 'currency'
  | 'date'
  | 'percent';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
}

export interface RecordFormSpec<T extends RecordType> {
  fields: FieldSpec[];
  /** A new record's draft; `ownerId` is the person creating it. */
  empty(ownerId: string): Draft;
  draftOf(record: RecordOfType[T]): Draft;
  /** The body the draft describes, or what is wrong with it before the server is asked. */
  bodyOf(draft: Draft): { body: CreateOfType[T] } | { errors: FieldErrors };
}

const text = (value: string | undefined) => (value ?? '').trim();
const orNull = (value: string | undefined) => text(value) || null;
const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);

const FILL_IN = 'Fill this in.';

const LABEL_OF_NAME = new Map(
  Object.entries(PHONE_LABEL_NAMES).map(([label, name]) => [
    name.toLowerCase(),
    label as ContactPhone['label'],
  ]),
);

/** `+44 20 7183 8750 (Mobile)` → the number and its kind; no kind means a work number. */
function phoneOf(line: string): { number: string; label: ContactPhone['label'] } {
  const labelled = /^(.*?)\s*\(([a-z]+)\)$/i.exec(line);
  const label = labelled ? LABEL_OF_NAME.get(labelled[2]!.toLowerCase()) : undefined;
  return label ? { number: labelled![1]!, label } : { number: line, label: 'work' };
}

const account: RecordFormSpec<'account'> = {
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'domains', label: 'Mail domains', kind: 'lines', hint: 'One per line, e.g. acme.co.uk' },
    { key: 'website', label: 'Website', kind: 'text' },
    { key: 'industry', label: 'Industry', kind: 'text' },
    { key: 'phone', label: 'Phone', kind: 'text' },
    { key: 'ownerId', label: 'Owner', kind: 'owner' },
  ],
  empty: (ownerId) => ({ ownerId }),
  draftOf: (record) => ({
    name: record.name,
    domains: record.domains.join('\n'),
    website: record.website ?? '',
    industry: record.industry ?? '',
    phone: record.phone ? formatPhoneForReading(record.phone) : '',
    ownerId: record.ownerId ?? '',
  }),
  bodyOf: (draft) => {
    if (!text(draft.name)) return { errors: { name: FILL_IN } };
    return {
      body: {
        name: text(draft.name),
        domains: lines(draft.domains),
        website: orNull(draft.website),
        industry: orNull(draft.industry),
        phone: orNull(draft.phone),
        ownerId: orNull(draft.ownerId),
      },
    };
  },
};

const contact: RecordFormSpec<'contact'> = {
  fields: [
    { key: 'firstName', label: 'First name', kind: 'text' },
    { key: 'lastName', label: 'Last name', kind: 'text' },
    { key: 'title', label: 'Job title', kind: 'text' },
    { key: 'accountId', label: 'Account', kind: 'account' },
    {
      key: 'emails',
      label: 'Email addresses',
      kind: 'lines',
      hint: 'One per line; the first is the main one',
    },
    { key: 'phones', label: 'Phones', kind: 'lines', hint: 'One per line; add (Mobile), (Home) or (Other)' },
    { key: 'ownerId', label: 'Owner', kind: 'owner' },
  ],
  empty: (ownerId) => ({ ownerId }),
  draftOf: (record) => ({
    firstName: record.firstName,
    lastName: record.lastName,
    title: record.title ?? '',
    accountId: record.accountId ?? '',
    emails: record.emails.join('\n'),
    phones: record.phones
      .map((phone) => `${formatPhoneForReading(phone.number)} (${PHONE_LABEL_NAMES[phone.label]})`)
      .join('\n'),
    ownerId: record.ownerId ?? '',
  }),
  bodyOf: (draft) => {
    if (!text(draft.firstName) && !text(draft.lastName)) {
      return { errors: { lastName: 'Give a first or a last name.' } };
    }
    return {
      body: {
        firstName: text(draft.firstName),
        lastName: text(draft.lastName),
        title: orNull(draft.title),
        accountId: orNull(draft.accountId),
        emails: lines(draft.emails).map((email) => email.toLowerCase()),
        phones: (draft.phones ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map(phoneOf),
        ownerId: orNull(draft.ownerId),
      },
    };
  },
};

const opportunity: RecordFormSpec<'opportunity'> = {
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'accountId', label: 'Account', kind: 'account' },
    { key: 'contactId', label: 'Contact', kind: 'contact' },
    { key: 'stageId', label: 'Stage', kind: 'stage' },
    { key: 'amountMinor', label: 'Amount', kind: 'amount' },
    { key: 'currency', label: 'Currency', kind: 'currency' },
    { key: 'closeDate', label: 'Close date', kind: 'date' },
    { key: 'probability', label: 'Probability %', kind: 'percent', hint: 'Set by the stage when left empty' },
    { key: 'ownerId', label: 'Owner', kind: 'owner' },
  ],
  empty: (ownerId) => ({ ownerId }),
  draftOf: (record) => ({
    name: record.name,
    accountId: record.accountId ?? '',
    contactId: record.contactId ?? '',
    stageId: record.stageId,
    amountMinor: String(majorUnits(record.amountMinor, record.currency) ?? ''),
    currency: record.currency ?? '',
    closeDate: record.closeDate ?? '',
    probability: String(record.probability),
    ownerId: record.ownerId ?? '',
  }),
  bodyOf: (draft) => {
    const errors: FieldErrors = {};
    if (!text(draft.name)) errors.name = FILL_IN;
    const amount = text(draft.amountMinor);
    const currency = text(draft.currency);
    let amountMinor: number | null = null;
    if (amount !== '' && currency === '') errors.currency = 'Choose the currency of the amount.';
    else if (amount !== '') {
      amountMinor = minorUnits(amount, currency);
      if (amountMinor === null) errors.amountMinor = 'Write the amount in digits, e.g. 12500 or 12,500.50.';
    }
    const probability = text(draft.probability);
    if (probability !== '' && !/^(100|\d{1,2})$/.test(probability)) {
      errors.probability = 'A whole number from 0 to 100.';
    }
    if (Object.keys(errors).length > 0) return { errors };
    return {
      body: {
        name: text(draft.name),
        accountId: orNull(draft.accountId),
        contactId: orNull(draft.contactId),
        ...(text(draft.stageId) ? { stageId: text(draft.stageId) } : {}),
        amountMinor,
        currency: amountMinor === null ? null : currency,
        closeDate: orNull(draft.closeDate),
        ...(probability === '' ? {} : { probability: Number(probability) }),
        ownerId: orNull(draft.ownerId),
      },
    };
  },
};

const supportCase: RecordFormSpec<'case'> = {
  fields: [
    { key: 'subject', label: 'Subject', kind: 'text', required: true },
    { key: 'description', label: 'Description', kind: 'textarea' },
    { key: 'status', label: 'Status', kind: 'caseStatus' },
    { key: 'priority', label: 'Priority', kind: 'priority' },
    { key: 'accountId', label: 'Account', kind: 'account' },
    { key: 'contactId', label: 'Contact', kind: 'contact' },
    { key: 'ownerId', label: 'Owner', kind: 'owner' },
    { key: 'teamId', label: 'Queue', kind: 'team' },
    { key: 'category', label: 'Category', kind: 'text' },
  ],
  empty: (ownerId) => ({ ownerId, status: 'new', priority: 'normal' }),
  draftOf: (record) => ({
    subject: record.subject,
    description: record.description ?? '',
    status: record.status,
    priority: record.priority,
    accountId: record.accountId ?? '',
    contactId: record.contactId ?? '',
    ownerId: record.ownerId ?? '',
    teamId: record.teamId ?? '',
    category: record.category ?? '',
  }),
  bodyOf: (draft) => {
    if (!text(draft.subject)) return { errors: { subject: FILL_IN } };
    return {
      body: {
        subject: text(draft.subject),
        description: orNull(draft.description),
        status: draft.status as RecordOfType['case']['status'],
        priority: draft.priority as RecordOfType['case']['priority'],
        accountId: orNull(draft.accountId),
        contactId: orNull(draft.contactId),
        ownerId: orNull(draft.ownerId),
        teamId: orNull(draft.teamId),
        category: orNull(draft.category),
      },
    };
  },
};

export const RECORD_FORMS: { [T in RecordType]: RecordFormSpec<T> } = {
  account,
  contact,
  opportunity,
  case: supportCase,
};

/**
 * The fields an edit changed, as an update body: only what differs from the record as it was
 * opened, so a save never writes back values the user did not touch.
 */
export function changedFields<T extends RecordType>(
  type: T,
  original: RecordOfType[T],
  draft: Draft,
): { changes: Partial<CreateOfType[T]> } | { errors: FieldErrors } {
  const spec = RECORD_FORMS[type] as RecordFormSpec<T>;
  const edited = spec.bodyOf(draft);
  if ('errors' in edited) return edited;
  const before = spec.bodyOf(spec.draftOf(original));
  const was = ('body' in before ? before.body : {}) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(edited.body as Record<string, unknown>)) {
    if (JSON.stringify(value) !== JSON.stringify(was[key])) changes[key] = value;
  }
  return { changes: changes as Partial<CreateOfType[T]> };
}
