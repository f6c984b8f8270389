import type { ConsentFilterState, ConsentPurpose, ConsentState, LawfulBasis } from '../schemas/consents.js';

// What consent codes are called on screen, the same in the console, the pane and the Gmail card.

export const CONSENT_PURPOSE_NAMES: Record<ConsentPurpose, string> = {
  marketing_email: 'Marketing email',
  newsletter: 'Newsletter',
  phone_calls: 'Phone calls',
};

export const CONSENT_STATE_NAMES: Record<ConsentState, string> = {
  opt_in: 'Opted in',
  soft_opt_in: 'Soft opt-in',
  opt_out: 'Opted out',
};

export const CONSENT_FILTER_NAMES: Record<ConsentFilterState, string> = {
  ...CONSENT_STATE_NAMES,
  allowed: 'Opted in or soft opt-in',
  none: 'No answer',
};

export const LAWFUL_BASIS_NAMES: Record<LawfulBasis, string> = {
  consent: 'Consent',
  legitimate_interests: 'Legitimate interests',
  contract: 'Contract',
  legal_obligation: 'Legal obligation',
};

/** Whether an answer lets the organisation contact the person for its purpose. */
export const consentAllows = (state: ConsentState): boolean => state !== 'opt_out';
