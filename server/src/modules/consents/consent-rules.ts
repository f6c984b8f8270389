import type { ConsentState, LawfulBasis } from '@inbox-crm/shared';
import { ValidationFailed } from '../../errors.js';

/** How far ahead of our clock a given time may be: a form's server clock may run a little fast. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ConsentAnswer {
  state: ConsentState;
  lawfulBasis?: LawfulBasis | null | undefined;
  wording?: string | null | undefined;
  givenAt?: string | undefined;
}

export interface CheckedAnswer {
  lawfulBasis: LawfulBasis | null;
  wording: string | null;
  givenAt: Date;
}

const refuse = (path: string, message: string, sentence: string): never => {
  throw new ValidationFailed(sentence, [{ in: 'body', path, message }]);
};

/**
 * An answer as the ledger keeps it: an opt-in on consent unless told otherwise, and with the words
 * agreed to; a soft opt-in only on legitimate interests; an opt-out on no basis; given now or
 * earlier, never later.
 */
export function checkAnswer(answer: ConsentAnswer, now = new Date()): CheckedAnswer {
  const wording = answer.wording?.trim() || null;
  const givenAt = answer.givenAt ? new Date(answer.givenAt) : now;
  // The schema's date-time format lets a leap second (…T23:59:60Z) through; no clock reads one.
  if (Number.isNaN(givenAt.getTime())) {
    refuse('/givenAt', 'must be a real moment', 'That time does not exist.');
  }
  if (givenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    refuse('/givenAt', 'must not be in the future', 'A consent cannot be given later than now.');
  }
  switch (answer.state) {
    case 'opt_out':
      if (answer.lawfulBasis) {
        refuse('/lawfulBasis', 'must be empty for an opt-out', 'An opt-out has no lawful basis.');
      }
      return { lawfulBasis: null, wording, givenAt };
    case 'soft_opt_in':
      if (answer.lawfulBasis && answer.lawfulBasis !== 'legitimate_interests') {
        refuse(
          '/lawfulBasis',
          'must be legitimate_interests for a soft opt-in',
          'A soft opt-in rests on legitimate interests.',
        );
      }
      return { lawfulBasis: 'legitimate_interests', wording, givenAt };
    case 'opt_in':
      if (!wording) {
        refuse(
          '/wording',
          'is required for an opt-in',
          'Say what the person agreed to: an opt-in needs its wording.',
        );
      }
      return { lawfulBasis: answer.lawfulBasis ?? 'consent', wording, givenAt };
  }
}
