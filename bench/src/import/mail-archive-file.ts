import { ACCOUNTS, CONTACTS, contactAddress } from '../lookup/data-set.js';

/**
 * An mbox of `messages` real-looking messages to the data set's contacts: most from a known contact
 * (one in four multipart with a small attachment, some with an encoded subject), one in ten from a
 * colleague of a known company (filed to its account), one in twenty from a stranger (skipped), and
 * one in fifty a repeat of an earlier message (filed once).
 */
export function mailArchive(messages: number, run: string): string {
  const parts: string[] = [];
  for (let n = 1; n <= messages; n += 1) {
    const repeat = n % 50 === 0;
    const id = repeat ? n - 1 : n;
    const contact = ((id * 104_729) % CONTACTS) + 1;
    const from =
      id % 20 === 7
        ? `stranger${id}@gmail.com`
        : id % 10 === 3
          ? `colleague${id}@company${(id % ACCOUNTS) + 1}.example`
          : contactAddress(contact);
    const subject =
      id % 7 === 0
        ? `=?UTF-8?B?${Buffer.from(`Angebot Nr. ${id} für März`).toString('base64')}?=`
        : `Order ${id} follow-up`;
    const headers = [
      `From: Customer ${id} <${from}>`,
      'To: Sales <sales@bench-lookup.example>',
      `Subject: ${subject}`,
      `Date: Tue, 03 Mar 2026 ${String(8 + (id % 10)).padStart(2, '0')}:00:00 +0000`,
      `Message-ID: <archive-${run}-${id}@bench-import.example>`,
      'MIME-Version: 1.0',
    ];
    const text = `Hello,\n\nabout order ${id}: ${'we would like to confirm the quantities and the delivery date. '.repeat(8)}\n\nRegards\n`;
    const body =
      id % 4 === 0
        ? [
            'Content-Type: multipart/mixed; boundary="b"',
            '',
            '--b',
            'Content-Type: text/plain; charset=utf-8',
            '',
            text,
            '--b',
            `Content-Type: application/pdf; name="order-${id}.pdf"`,
            `Content-Disposition: attachment; filename="order-${id}.pdf"`,
            'Content-Transfer-Encoding: base64',
            '',
            Buffer.from(`%PDF-1.4 order ${id} ${'x'.repeat(2000)}`).toString('base64'),
            '--b--',
          ]
        : ['Content-Type: text/plain; charset=utf-8', '', text];
    // Each message ends with an empty line: a "From " line starts a message only after one.
    parts.push(`From MAILER-DAEMON Tue Mar  3 10:00:00 2026\n${[...headers, ...body].join('\n')}\n\n`);
  }
  return parts.join('');
}
