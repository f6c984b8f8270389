/** One message of a test archive, written as a mail client exports it. */
export interface ArchiveMessage {
  from: string;
  to?: string;
  cc?: string;
  subject: string;
  /** Without one, the message has no Message-ID header (some clients leave it out). */
  messageId?: string;
  date?: string;
  body: string;
  attachment?: { name: string; contentType: string; content: Buffer };
  /** The message as it is, for broken ones. */
  raw?: string;
}

const encodedWord = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

/** The RFC 5322 source of a message: plain text, or multipart/mixed with an attachment. */
export function messageSource(message: ArchiveMessage): string {
  if (message.raw !== undefined) return message.raw;
  const headers = [
    `From: ${message.from}`,
    `To: ${message.to ?? 'Sales <sales@ourcompany-archive.example>'}`,
    ...(message.cc ? [`Cc: ${message.cc}`] : []),
    `Subject: ${encodedWord(message.subject)}`,
    `Date: ${message.date ?? 'Tue, 03 Mar 2026 10:00:00 +0000'}`,
    ...(message.messageId ? [`Message-ID: <${message.messageId}>`] : []),
    'MIME-Version: 1.0',
  ];
  if (!message.attachment) {
    return [
      ...headers,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      message.body,
      '',
    ].join('\n');
  }
  const boundary = 'archive-boundary-42';
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    message.body,
    `--${boundary}`,
    `Content-Type: ${message.attachment.contentType}; name="${message.attachment.name}"`,
    `Content-Disposition: attachment; filename="${message.attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    message.attachment.content.toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\n');
}

/** An mbox of the messages, as mboxrd writes it: a "From " line before each, body lines starting "From " escaped. */
export function mbox(messages: readonly ArchiveMessage[]): string {
  return messages
    .map((message) => {
      const source = messageSource(message).replace(/^(>*From )/gm, '>$1');
      return `From MAILER-DAEMON Tue Mar  3 10:00:00 2026\n${source}\n`;
    })
    .join('');
}
