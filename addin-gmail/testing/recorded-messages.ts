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
