import { parseReferences } from '@inbox-crm/shared/client';
import { officeAsync } from './office-async.js';

/** A header's value from a raw header block (folded lines joined), or null when it is absent. */
export function headerValue(headers: string, name: string): string | null {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  const line = unfolded.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length).trim();
}

export interface ThreadHeaders {
  inReplyTo: string | null;
  references: string[];
}

/** A message's thread headers when none are known. */
export const noThreadHeaders = (): ThreadHeaders => ({ inReplyTo: null, references: [] });

/**
 * The message's place in its thread: the Message-IDs it answers (In-Reply-To) and descends from
 * (References), read from its internet headers where the host gives them (Mailbox 1.8); none on
 * older hosts, where the pane falls back to the conversation.
 */
export async function threadHeadersOf(
  item: Office.MessageRead | Office.LoadedMessageRead,
): Promise<ThreadHeaders> {
  if (typeof item.getAllInternetHeadersAsync !== 'function') return noThreadHeaders();
  try {
    const headers = await officeAsync<string>((done) => item.getAllInternetHeadersAsync(done));
    return {
      inReplyTo: parseReferences(headerValue(headers, 'In-Reply-To'))[0] ?? null,
      references: parseReferences(headerValue(headers, 'References')),
    };
  } catch {
    return noThreadHeaders();
  }
}
