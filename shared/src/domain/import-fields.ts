import type { ImportMapping, ImportMode, ImportRecordType } from '../schemas/imports.js';
import type { ImportRowAction, ImportStatus } from './import-choices.js';
import { foldForSearch } from './search-text.js';

/** A field a CSV column can fill. */
export interface ImportField {
  key: string;
  label: string;
  /** Column names that mean this field, folded (lower case, no accents or punctuation). */
  names: readonly string[];
  /** A row that leaves it empty is refused (when it would create a record, or always for a match key). */
  required?: 'always' | 'to create';
}

const EXTERNAL_ID: ImportField = {
  key: 'externalId',
  label: 'Id in the old system',
  names: ['id', 'external id', 'record id', 'legacy id', 'crm id', 'import id'],
  required: 'always',
};
const OWNER: ImportField = {
  key: 'owner',
  label: 'Owner (name or email)',
  names: ['owner', 'owner email', 'assigned to', 'sales rep', 'account owner', 'contact owner', 'user'],
};
const ACCOUNT: ImportField = {
  key: 'account',
  label: 'Company',
  names: ['company', 'account', 'account name', 'company name', 'organisation', 'organization', 'customer'],
};
const CONTACT_EMAIL: ImportField = {
  key: 'contactEmail',
  label: 'Contact email',
  names: ['contact email', 'email', 'e mail', 'email address', 'customer email', 'requester'],
};
const DATE: ImportField = {
  key: 'date',
  label: 'Date',
  names: [
    'date',
    'created',
    'created at',
    'created date',
    'activity date',
    'occurred at',
    'when',
    'call date',
  ],
  required: 'always',
};

/** The fields each record type takes from a CSV, in the order the wizard lists them. */
export const IMPORT_FIELDS: Record<ImportRecordType, readonly ImportField[]> = {
  account: [
    {
      key: 'name',
      label: 'Name',
      names: ['name', 'account name', 'company', 'company name', 'organisation', 'organization'],
      required: 'to create',
    },
    {
      key: 'domain',
      label: 'Domains',
      names: ['domain', 'domains', 'email domain', 'company domain'],
    },
    { key: 'website', label: 'Website', names: ['website', 'web site', 'url', 'homepage', 'web'] },
    { key: 'phone', label: 'Phone', names: ['phone', 'telephone', 'phone number', 'main phone', 'tel'] },
    { key: 'industry', label: 'Industry', names: ['industry', 'sector', 'vertical'] },
    OWNER,
  ],
  contact: [
    {
      key: 'email',
      label: 'Email',
      names: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'work email', 'primary email'],
      required: 'always',
    },
    {
      key: 'otherEmails',
      label: 'Other emails',
      names: ['other emails', 'other email', 'additional emails', 'secondary email', 'email 2'],
    },
    {
      key: 'firstName',
      label: 'First name',
      names: ['first name', 'firstname', 'given name', 'forename', 'first'],
    },
    {
      key: 'lastName',
      label: 'Last name',
      names: ['last name', 'lastname', 'surname', 'family name', 'last'],
    },
    { key: 'fullName', label: 'Full name', names: ['name', 'full name', 'contact name', 'contact'] },
    { key: 'title', label: 'Job title', names: ['title', 'job title', 'position', 'role'] },
    {
      key: 'phone',
      label: 'Phone',
      names: ['phone', 'telephone', 'phone number', 'work phone', 'business phone', 'tel'],
    },
    {
      key: 'mobile',
      label: 'Mobile',
      names: ['mobile', 'mobile phone', 'cell', 'cell phone', 'mobile number'],
    },
    ACCOUNT,
    {
      key: 'accountDomain',
      label: 'Company domain or website',
      names: ['company domain', 'domain', 'website', 'company website', 'web site'],
    },
    OWNER,
  ],
  opportunity: [
    EXTERNAL_ID,
    {
      key: 'name',
      label: 'Name',
      names: ['name', 'opportunity', 'opportunity name', 'deal', 'deal name', 'title'],
      required: 'to create',
    },
    ACCOUNT,
    CONTACT_EMAIL,
    { key: 'stage', label: 'Stage', names: ['stage', 'deal stage', 'pipeline stage', 'status'] },
    { key: 'amount', label: 'Amount', names: ['amount', 'value', 'deal value', 'deal amount', 'revenue'] },
    { key: 'currency', label: 'Currency', names: ['currency', 'currency code'] },
    {
      key: 'closeDate',
      label: 'Close date',
      names: ['close date', 'expected close', 'expected close date', 'closing date'],
    },
    { key: 'probability', label: 'Probability (%)', names: ['probability', 'win probability', 'likelihood'] },
    OWNER,
  ],
  case: [
    EXTERNAL_ID,
    {
      key: 'subject',
      label: 'Subject',
      names: ['subject', 'title', 'case subject', 'summary', 'issue'],
      required: 'to create',
    },
    { key: 'description', label: 'Description', names: ['description', 'details', 'body', 'problem'] },
    { key: 'status', label: 'Status', names: ['status', 'state', 'case status'] },
    { key: 'priority', label: 'Priority', names: ['priority', 'severity', 'urgency'] },
    { key: 'category', label: 'Category', names: ['category', 'type', 'case type', 'topic'] },
    ACCOUNT,
    CONTACT_EMAIL,
    OWNER,
  ],
  note: [
    EXTERNAL_ID,
    DATE,
    { key: 'subject', label: 'Subject', names: ['subject', 'title', 'heading'] },
    {
      key: 'body',
      label: 'Text',
      names: ['note', 'notes', 'body', 'text', 'content', 'description', 'comment'],
      required: 'to create',
    },
    CONTACT_EMAIL,
    ACCOUNT,
  ],
  call: [
    EXTERNAL_ID,
    DATE,
    { key: 'subject', label: 'Subject', names: ['subject', 'title', 'call subject'] },
    { key: 'body', label: 'Notes', names: ['notes', 'note', 'body', 'description', 'comments', 'summary'] },
    {
      key: 'duration',
      label: 'Duration (minutes)',
      names: ['duration', 'minutes', 'duration minutes', 'length'],
    },
    {
      key: 'direction',
      label: 'Direction (inbound or outbound)',
      names: ['direction', 'call direction', 'type', 'call type'],
    },
    { key: 'outcome', label: 'Outcome', names: ['outcome', 'result', 'call result', 'disposition'] },
    CONTACT_EMAIL,
    ACCOUNT,
  ],
};

/** What each import record type is called on screen, in the plural. */
export const IMPORT_RECORD_TYPE_NAMES: Record<ImportRecordType, string> = {
  account: 'Accounts',
  contact: 'Contacts',
  opportunity: 'Opportunities',
  case: 'Cases',
  note: 'Notes',
  call: 'Calls',
};

/** A column name as mappings compare it: folded, single-spaced. */
export const foldColumnName = (name: string): string => foldForSearch(name);

/**
 * The fields these columns would fill: a name saved from an earlier import first, then a field whose
 * known names include the column's; each field is given to one column at most, the leftmost.
 */
export function suggestMapping(
  recordType: ImportRecordType,
  columns: readonly string[],
  saved: Readonly<Record<string, string>> = {},
): ImportMapping {
  const fields = IMPORT_FIELDS[recordType];
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  const give = (index: number, key: string | undefined) => {
    if (key === undefined || taken.has(key) || !fields.some((field) => field.key === key)) return;
    mapping[String(index)] = key;
    taken.add(key);
  };
  const folded = columns.map(foldColumnName);
  folded.forEach((name, index) => give(index, saved[name]));
  folded.forEach((name, index) => {
    if (mapping[String(index)] === undefined)
      give(index, fields.find((field) => field.names.includes(name))?.key);
  });
  return mapping;
}

/** Why a mapping cannot be run, in sentences; empty when it can. */
export function mappingProblems(
  recordType: ImportRecordType,
  mapping: ImportMapping,
  columnCount: number,
  mode: ImportMode,
): string[] {
  const fields = IMPORT_FIELDS[recordType];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [column, key] of Object.entries(mapping)) {
    const field = fields.find((candidate) => candidate.key === key);
    if (!field)
      problems.push(
        `Column ${Number(column) + 1} is mapped to “${key}”, which ${IMPORT_RECORD_TYPE_NAMES[recordType].toLowerCase()} do not have.`,
      );
    else if (Number(column) >= columnCount)
      problems.push(`Column ${Number(column) + 1} is mapped, but the file has ${columnCount} columns.`);
    else if (seen.has(key)) problems.push(`${field.label} is mapped twice: choose one column for it.`);
    seen.set(key, column);
  }
  for (const field of fields) {
    const needed = field.required === 'always' || (field.required === 'to create' && mode !== 'update');
    if (needed && !seen.has(field.key)) {
      problems.push(`Map a column to ${field.label}: ${requiredWhy(recordType, field)}`);
    }
  }
  if (
    recordType === 'account' &&
    mode === 'update' &&
    !seen.has('name') &&
    !seen.has('domain') &&
    !seen.has('website')
  ) {
    problems.push('Map a column to Name, Domain or Website: accounts are matched by domain, then by name.');
  }
  return problems;
}

function requiredWhy(recordType: ImportRecordType, field: ImportField): string {
  if (field.key === 'email') return 'contacts are matched by their address.';
  if (field.key === 'externalId')
    return 'it matches each row to the record an earlier import made, so importing again updates rather than duplicates.';
  if (field.key === 'date')
    return `${IMPORT_RECORD_TYPE_NAMES[recordType].toLowerCase()} keep when they happened.`;
  return `new ${IMPORT_RECORD_TYPE_NAMES[recordType].toLowerCase()} need it.`;
}

/** What an import's state is called on screen. */
export const IMPORT_STATUS_WORDS: Record<ImportStatus, string> = {
  uploaded: 'Ready to check',
  previewing: 'Checking the file…',
  previewed: 'Checked',
  queued: 'Waiting to start…',
  running: 'Importing…',
  done: 'Imported',
  cancelled: 'Cancelled',
  failed: 'Stopped',
  reverting: 'Reverting…',
  reverted: 'Reverted',
};

/** What a row came to, on screen, for a dry run (would) and for the import (did). */
export const IMPORT_ACTION_WORDS: Record<ImportRowAction, { would: string; did: string }> = {
  create: { would: 'Would create', did: 'Created' },
  update: { would: 'Would update', did: 'Updated' },
  unchanged: { would: 'Already up to date', did: 'Already up to date' },
  refuse: { would: 'Would be refused', did: 'Refused' },
  skip: { would: 'Would be skipped', did: 'Skipped' },
};

/** The import's modes on screen. */
export const IMPORT_MODE_WORDS: Record<ImportMode, string> = {
  upsert: 'Create new records and update those that match',
  create: 'Only create new records',
  update: 'Only update records that match',
};
