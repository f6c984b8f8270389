import type { MessageFiling } from '../schemas/lookup.js';

// A case's number in a subject line, "[#1234]": how a reply finds its case when its mail client
// dropped the In-Reply-To and References headers.
const REFERENCE = /\[#(\d{1,9})\]/;

/** The case number a subject quotes, or null. */
export function caseNumberInSubject(subject: string): number | null {
  const match = REFERENCE.exec(subject);
  return match ? Number(match[1]) : null;
}

/** The subject with the case's reference at its end, once. */
export function withCaseReference(subject: string, number: number): string {
  const tag = `[#${number}]`;
  return subject.includes(tag) ? subject : `${subject.trim()} ${tag}`.trim();
}

/** The subject of an answer on a case: "Re: " once, and the case's reference. */
export function answerSubject(subject: string, number: number): string {
  const trimmed = subject.trim() || '(no subject)';
  return withCaseReference(/^re:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`, number);
}

/** The case a message was filed to, or else its thread was: the first one named; null when none. */
export function filedCaseOf(filing: MessageFiling | null): string | null {
  if (!filing) return null;
  return [...filing.links, ...filing.suggestedLinks].find((link) => link.type === 'case')?.id ?? null;
}
