import nock from 'nock';

const GMAIL = 'https://gmail.googleapis.com';

export interface RecordedMessage {
  gmailId: string;
  /** The whole RFC 5322 message, as Gmail keeps it. */
  raw: string;
}

/** When Gmail received every recorded message (its `internalDate`). */
export const RECEIVED_AT = String(Date.parse('2026-11-26T09:15:42.000Z'));

/** The header block of a raw message, as Gmail's format=metadata lists it. */
function headersOf(raw: string): { name: string; value: string }[] {
  const block = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .split(/\r?\n/)
    .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ name: match[1]!, value: match[2]! }));
}

/** What the Gmail API answers for users.messages.get of `message` in `format`. */
export function gmailMessageBody(message: RecordedMessage, format: string): object {
  // When Gmail received it, in ms, as Gmail sends it with every format.
  const received = { id: message.gmailId, threadId: `t-${message.gmailId}`, internalDate: RECEIVED_AT };
  return format === 'metadata'
    ? { ...received, payload: { headers: headersOf(message.raw) } }
    : { ...received, raw: Buffer.from(message.raw).toString('base64url') };
}

/**
 * The Gmail API answering for a recorded message, only when asked with the user's OAuth token and
 * the message's access token, as Google's add-on contract requires; answers `status` instead when
 * set. `reads` lists the formats asked for, in order.
 */
export function fakeGmailApi(
  message: RecordedMessage,
  tokens: { oauth: string; access: string },
  options: { status?: number; delayMs?: number } = {},
) {
  const reads: string[] = [];
  nock(GMAIL, {
    reqheaders: { authorization: `Bearer ${tokens.oauth}`, 'x-goog-gmail-access-token': tokens.access },
  })
    .persist()
    .get(`/gmail/v1/users/me/messages/${message.gmailId}`)
    .query(true)
    .delay(options.delayMs ?? 0)
    .reply((uri) => {
      const format = new URL(uri, GMAIL).searchParams.get('format') ?? 'full';
      reads.push(format);
      if (options.status) return [options.status, { error: { code: options.status, message: 'refused' } }];
      return [200, gmailMessageBody(message, format)];
    });
  return { reads };
}
