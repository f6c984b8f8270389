/** Messages as Gmail holds them, the way real mail clients write them. */

const CRLF = '\r\n';
const lines = (...parts: string[]) => parts.join(CRLF);

/** A reply with a text and an HTML part and a spreadsheet attached. */
export function multipartMessage(options: {
  messageId: string;
  from: string;
  to: string;
  subject?: string;
}): string {
  const boundary = 'b1_inboxcrm_test';
  const alternative = 'b2_inboxcrm_test';
  return lines(
    `From: ${options.from}`,
    `To: ${options.to}`,
    'Cc: "Ops Team" <ops@northwind.example>',
    `Subject: ${options.subject ?? 'Re: Fleet renewal: revised terms'}`,
    'Date: Thu, 26 Nov 2026 09:15:00 +0000',
    `Message-ID: <${options.messageId}>`,
    'In-Reply-To: <earlier-quote@crm.example.test>',
    'References: <first-contact@northwind.example> <earlier-quote@crm.example.test>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello,',
    'The three-year term works for us. Can you send the revised quote?',
    'Priya',
    `--${alternative}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Hello,</p><p>The three-year term works for us. Can you send the <b>revised quote</b>?</p><script>steal()</script><p>Priya</p>',
    `--${alternative}--`,
    `--${boundary}`,
    'Content-Type: application/vnd.ms-excel; name="fleet-list.xls"',
    'Content-Disposition: attachment; filename="fleet-list.xls"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('vehicle,count\nvan,12\n').toString('base64'),
    `--${boundary}--`,
    '',
  );
}

/** An HTML-only message with a subject in UTF-8 encoded words, to many recipients. */
export function htmlOnlyMessage(options: { messageId: string; from: string; recipients: string[] }): string {
  return lines(
    `From: ${options.from}`,
    `To: ${options.recipients.join(', ')}`,
    `Subject: =?UTF-8?B?${Buffer.from('Zürich: Angebot für 2027 ✓').toString('base64')}?=`,
    'Date: Fri, 27 Nov 2026 14:02:00 +0100',
    `Message-ID: <${options.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<div>Grüezi,<br>anbei unser Angebot.</div>',
    '',
  );
}

/** A 1×1 PNG: the sender's logo in messages that show one inline. */
export const INLINE_LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** The PDF attached to the message with an inline logo. */
export const ATTACHED_PDF = Buffer.from('%PDF-1.4\n% Northwind order 1042\n');

/**
 * An HTML message whose body shows the sender's logo from its own part (`cid:`), as Outlook and
 * Gmail send a signature with a picture, and a PDF attached.
 */
export function messageWithInlineImage(options: { messageId: string; from: string; to: string }): string {
  const mixed = 'b1_inboxcrm_related';
  const related = 'b2_inboxcrm_related';
  return lines(
    `From: ${options.from}`,
    `To: ${options.to}`,
    'Subject: Order 1042 confirmed',
    'Date: Mon, 30 Nov 2026 10:00:00 +0000',
    `Message-ID: <${options.messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/related; boundary="${related}"`,
    '',
    `--${related}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Order 1042 is confirmed.</p><p><img src="cid:logo.png@northwind" alt="Northwind"></p>',
    `--${related}`,
    'Content-Type: image/png; name="logo.png"',
    'Content-Disposition: inline; filename="logo.png"',
    'Content-ID: <logo.png@northwind>',
    'Content-Transfer-Encoding: base64',
    '',
    INLINE_LOGO.toString('base64'),
    `--${related}--`,
    `--${mixed}`,
    'Content-Type: application/pdf; name="order-1042.pdf"',
    'Content-Disposition: attachment; filename="order-1042.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    ATTACHED_PDF.toString('base64'),
    `--${mixed}--`,
    '',
  );
}
