import {
  CONSENT_FILTER_NAMES,
  CONSENT_PURPOSE_NAMES,
  CONSENT_STATE_NAMES,
  type ConsentPurpose,
  type ConsentState,
} from '@inbox-crm/shared/client';

/** Every purpose, in the order screens list them. */
export const PURPOSES = Object.keys(CONSENT_PURPOSE_NAMES) as ConsentPurpose[];

/** A badge colour per answer: green may be contacted, red may not. */
export const STATE_COLOURS: Record<ConsentState, 'success' | 'informative' | 'danger'> = {
  opt_in: 'success',
  soft_opt_in: 'informative',
  opt_out: 'danger',
};

/** "Newsletter: Opted out", or "no answer" for a purpose never asked about. */
export const answerWords = (purpose: ConsentPurpose, state: ConsentState | undefined) =>
  `${CONSENT_PURPOSE_NAMES[purpose]}: ${state ? CONSENT_STATE_NAMES[state] : 'no answer'}`;

/** The contact list's consent filter: `newsletter:allowed` → "Newsletter: Opted in or soft opt-in". */
export const CONSENT_FILTER_CHOICES: Record<string, string> = Object.fromEntries(
  PURPOSES.flatMap((purpose) =>
    Object.entries(CONSENT_FILTER_NAMES).map(([state, words]) => [
      `${purpose}:${state}`,
      `${CONSENT_PURPOSE_NAMES[purpose]}: ${words}`,
    ]),
  ),
);
