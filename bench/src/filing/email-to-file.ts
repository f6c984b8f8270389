import type { EmailFile, RecordRef } from '@inbox-crm/shared';

// Ten paragraphs of ordinary business prose, repeated to the size asked: a body compresses and
// indexes like real mail, and a number in its first line makes each one unique.
const PARAGRAPH =
  'Thank you for the call this morning. As agreed, we will ship the second batch of the fleet order ' +
  'next Tuesday, and the revised quote with the three-year term is attached for your review. Please ' +
  'let me know whether the delivery window suits your warehouse team, and whether the invoice should ' +
  'go to the Leeds office or to the head office as before. ';

function prose(bytes: number): string[] {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    paragraphs.push(PARAGRAPH);
    size += PARAGRAPH.length;
  }
  return paragraphs;
}

const TEXT_PARAGRAPHS = prose(9_000);
const HTML_PARAGRAPHS = prose(8_000);

/**
 * The n-th email of a run: about 20 KB of text and HTML bodies (9 KB text, the same prose as
 * 11 KB of HTML with markup), from the contact's address, filed to `links`.
 */
export function emailToFile(run: string, n: number, from: string, links: RecordRef[]): EmailFile {
  const first = `Order ${run}-${n}: shipping update.`;
  return {
    messageId: `<filing-${run}-${n}@bench.example>`,
    subject: `Re: Fleet order ${run}-${n}`,
    from: { email: from, name: 'Bench Sender' },
    to: [{ email: 'admin@bench-lookup.example', name: 'Bench Admin' }],
    sentAt: new Date(Date.now() - 60_000).toISOString(),
    bodyText: [first, ...TEXT_PARAGRAPHS].join('\n\n'),
    bodyHtml: `<html><body><p><b>${first}</b></p>${HTML_PARAGRAPHS.map((p) => `<p style="margin:0 0 12px">${p}</p>`).join('')}</body></html>`,
    source: 'api',
    links,
  };
}

/** The n-th email of a run as the JSON a client sends (see emailToFile), in UTF-8. */
export function emailJson(
  run: string,
  n: number,
  from: string,
  links: RecordRef[],
  attachment: Buffer | null,
): Buffer {
  const email = JSON.stringify(emailToFile(run, n, from, links));
  if (!attachment) return Buffer.from(email);
  // A unique megabyte each, built without re-encoding it: a unique head of 48 bytes (whole base64
  // groups) before the template's own tail, whose base64 is made once. The load generator shares
  // the machine with the servers, so the body is put together as bytes: encoding a megabyte of
  // text per request would be load of its own, taken from both servers alike.
  const head = Buffer.alloc(HEAD_BYTES, '.');
  head.write(`${run}-${n}`, 0, 'latin1');
  const meta = JSON.stringify({
    name: `fleet-order-${run}-${n}.pdf`,
    contentType: 'application/pdf',
    size: attachment.length,
  });
  return Buffer.concat([
    Buffer.from(
      `${email.slice(0, -1)},"attachments":[${meta.slice(0, -1)},"content":"${head.toString('base64')}`,
    ),
    tailBase64(attachment),
    Buffer.from('"}]}'),
  ]);
}

const HEAD_BYTES = 48;
const tails = new WeakMap<Buffer, Buffer>();

/** The base64 of the template past its head, as ASCII bytes. */
function tailBase64(template: Buffer): Buffer {
  let tail = tails.get(template);
  if (tail === undefined) {
    tail = Buffer.from(template.subarray(HEAD_BYTES).toString('base64'), 'latin1');
    tails.set(template, tail);
  }
  return tail;
}
