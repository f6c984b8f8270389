import type { ApiError } from '@inbox-crm/shared/client';

// The server names the field a refusal is about by a JSON pointer into the body (`/domains/0`);
// a form shows the sentence beside that field, and anything it cannot place above the buttons.

const PHRASES: [RegExp, string][] = [
  [/must NOT have fewer than 1 characters/, 'Fill this in'],
  [/must match format "email"/, 'is not an email address'],
  [/must match format "date"/, 'is not a date'],
  [/must NOT have more than (\d+) characters/, 'is longer than $1 characters'],
];

function sentence(text: string): string {
  const plain = PHRASES.reduce((result, [pattern, phrase]) => result.replace(pattern, phrase), text).trim();
  const capital = plain.charAt(0).toUpperCase() + plain.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The refusal's sentences by the body field they concern: `{ domains: 'Is not a domain name.' }`. */
export function fieldErrors(error: ApiError | null): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!error) return errors;
  for (const detail of error.details) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof path !== 'string') continue;
    const field = path.split('/')[1];
    if (!field || errors[field]) continue;
    errors[field] = typeof message === 'string' ? sentence(message) : error.message;
  }
  return errors;
}
