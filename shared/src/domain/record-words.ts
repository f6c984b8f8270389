import type { ActivityType } from '../schemas/activities.js';
import type { CasePriority, CaseStatus } from '../schemas/cases.js';
import type { PHONE_LABELS } from '../schemas/contacts.js';
import type { StageKind } from '../schemas/organisation.js';
import type { DuplicateReason } from '../schemas/merge.js';

// What the stored codes are called on screen, the same in the console, the Outlook pane and the
// Gmail cards: people read "Resolved" and "High", never `resolved` and `high`.

export const ACTIVITY_TYPE_NAMES: Record<ActivityType, string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  note: 'Note',
};

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** Case and task priorities (a task's are a subset of a case's). */
export const PRIORITY_NAMES: Record<CasePriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/** Whether a deal is still open or ended won or lost (its stage's kind). */
export const DEAL_OUTCOME_NAMES: Record<StageKind, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
};

/** What kind of number a contact's phone is. */
export const PHONE_LABEL_NAMES: Record<(typeof PHONE_LABELS)[number], string> = {
  work: 'Work',
  mobile: 'Mobile',
  home: 'Home',
  other: 'Other',
};

/** A web address as a link can open it: `acme.example` becomes `https://acme.example`. */
export function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

/** Why two records look like one customer entered twice. */
export const DUPLICATE_REASON_NAMES: Record<DuplicateReason, string> = {
  same_name: 'Same name',
  similar_name: 'Name differs only by Inc, Ltd, GmbH or the like',
  same_phone: 'Same phone number',
  same_initial_at_account: 'Same last name and initial at the same account',
  same_web_domain: 'Website on the same domain',
};
