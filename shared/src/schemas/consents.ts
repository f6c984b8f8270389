import { Type, type Static } from 'typebox';
import { EmailAddress, IsoDateTime, Nullable, strict, Uuid, UserRef } from './common.js';

/** What a person may be contacted for; each has its own consent. */
export const CONSENT_PURPOSES = ['marketing_email', 'newsletter', 'phone_calls'] as const;
export const ConsentPurpose = Type.Enum(CONSENT_PURPOSES);
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * Opted in (asked and agreed), soft opt-in (an existing customer told how to refuse, who has not),
 * or opted out.
 */
export const CONSENT_STATES = ['opt_in', 'soft_opt_in', 'opt_out'] as const;
export const ConsentState = Type.Enum(CONSENT_STATES);
export type ConsentState = (typeof CONSENT_STATES)[number];

/** The GDPR lawful bases (article 6) a contact may be reached on. */
export const LAWFUL_BASES = ['consent', 'legitimate_interests', 'contract', 'legal_obligation'] as const;
export const LawfulBasis = Type.Enum(LAWFUL_BASES);
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** One entry of a contact's consent ledger: entries are added, never changed. */
export const ConsentEntry = Type.Object({
  id: Uuid,
  contactId: Uuid,
  purpose: ConsentPurpose,
  state: ConsentState,
  lawfulBasis: Nullable(LawfulBasis),
  source: Type.String({ description: 'where the answer was given, e.g. "Website newsletter form"' }),
  wording: Nullable(Type.String({ description: 'the words the person agreed to' })),
  email: Nullable(Type.String({ description: 'the address the answer was given for' })),
  givenAt: IsoDateTime,
  recordedAt: IsoDateTime,
  recordedBy: Nullable(UserRef),
});
export type ConsentEntry = Static<typeof ConsentEntry>;

/** A purpose's current answer: its latest entry's. */
export const CurrentConsent = Type.Object({
  purpose: ConsentPurpose,
  state: ConsentState,
  givenAt: IsoDateTime,
});
export type CurrentConsent = Static<typeof CurrentConsent>;

export const MAX_CONSENT_HISTORY = 100;

export const ContactConsents = Type.Object({
  current: Type.Array(CurrentConsent, { description: 'one per purpose that has an answer' }),
  history: Type.Array(ConsentEntry, { description: `newest first, at most ${MAX_CONSENT_HISTORY}` }),
  moreHistory: Type.Boolean({ description: 'older entries exist beyond the history answered' }),
});
export type ContactConsents = Static<typeof ContactConsents>;

const answerFields = {
  state: ConsentState,
  lawfulBasis: Type.Optional(
    Type.Union([LawfulBasis, Type.Null()], {
      description:
        'consent for an opt-in by default, legitimate_interests for a soft opt-in (the only basis it may have); an opt-out has none',
    }),
  ),
  source: Type.String({ minLength: 1, maxLength: 200 }),
  wording: Type.Optional(
    Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'required for an opt-in' }),
  ),
  givenAt: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'when the person answered; now by default, never later',
    }),
  ),
};

/** Records one answer for one purpose of a contact. */
export const ConsentCreate = Type.Object(
  {
    purpose: ConsentPurpose,
    ...answerFields,
    email: Type.Optional(Type.Union([EmailAddress, Type.Null()])),
  },
  strict,
);
export type ConsentCreate = Static<typeof ConsentCreate>;

/**
 * What a form on a website sends (through an integration's API token): the person's address, their
 * name when the form asks for it, and an answer for each purpose the form offered.
 */
export const FormConsent = Type.Object(
  {
    email: EmailAddress,
    firstName: Type.Optional(Type.String({ maxLength: 100 })),
    lastName: Type.Optional(Type.String({ maxLength: 100 })),
    purposes: Type.Array(ConsentPurpose, {
      minItems: 1,
      maxItems: CONSENT_PURPOSES.length,
      uniqueItems: true,
    }),
    ...answerFields,
  },
  strict,
);
export type FormConsent = Static<typeof FormConsent>;

export const FormConsentResult = Type.Object({
  contactId: Uuid,
  contactCreated: Type.Boolean(),
  entries: Type.Array(ConsentEntry),
});
export type FormConsentResult = Static<typeof FormConsentResult>;

/** A list filter on one purpose: an answer, `allowed` (opted in either way) or `none` (never answered). */
export const CONSENT_FILTER_STATES = [...CONSENT_STATES, 'allowed', 'none'] as const;
export type ConsentFilterState = (typeof CONSENT_FILTER_STATES)[number];
export const ConsentFilter = Type.Enum(
  CONSENT_PURPOSES.flatMap((purpose) => CONSENT_FILTER_STATES.map((state) => `${purpose}:${state}` as const)),
  { description: 'purpose:answer, e.g. newsletter:allowed or marketing_email:none' },
);
