/** A message of an archive: its raw source, the line it starts on, and when the archive says it arrived. */
export interface ArchivedMessage {
  line: number;
  raw: Buffer;
  receivedAt: Date | null;
}

/** The largest message kept whole; a larger one is reported as refused, without its body. */
export const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

const FROM_LINE = Buffer.from('From ');

/** The date of an mbox separator line ("From someone@example.com Tue Mar  3 10:00:00 2020"), if it has one. */
function separatorDate(line: Buffer): Date | null {
  const text = line.toString('latin1').trim();
  const date = new Date(text.replace(/^From \S+\s+/, ''));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The messages of a mailbox archive, streamed: an mbox (messages after "From " lines, a body's own
 * ">From " lines unescaped), or a single message (.eml) when the file does not start as an mbox.
 * A "From " line starts a message only at the top or after an empty line, so a body line that
 * begins so without the escape stays in its message.
 */
export async function* archiveMessages(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<ArchivedMessage | { line: number; tooLarge: true }> {
  let carry: Buffer = Buffer.alloc(0);
  let lineNumber = 0;
  let mbox: boolean | null = null;
  let parts: Buffer[] = [];
  let size = 0;
  let start = 1;
  let receivedAt: Date | null = null;
  let previousEmpty = true;
  let oversize = false;

  function* finish(): Generator<ArchivedMessage | { line: number; tooLarge: true }> {
    if (oversize) yield { line: start, tooLarge: true };
    else if (
      size > 0 &&
      parts.some((part) => part.some((byte) => byte !== 0x0a && byte !== 0x0d && byte !== 0x20))
    ) {
      yield { line: start, raw: Buffer.concat(parts, size), receivedAt };
    }
    parts = [];
    size = 0;
    oversize = false;
  }

  function* take(line: Buffer): Generator<ArchivedMessage | { line: number; tooLarge: true }> {
    lineNumber += 1;
    mbox ??= line.subarray(0, FROM_LINE.length).equals(FROM_LINE);
    const separator = mbox && previousEmpty && line.subarray(0, FROM_LINE.length).equals(FROM_LINE);
    previousEmpty = line.length === 0 || (line.length === 1 && line[0] === 0x0d);
    if (separator) {
      yield* finish();
      start = lineNumber + 1;
      receivedAt = separatorDate(line);
      return;
    }
    const kept = mbox && /^>+From /.test(line.subarray(0, 80).toString('latin1')) ? line.subarray(1) : line;
    size += kept.length + 1;
    if (size > MAX_MESSAGE_BYTES) {
      oversize = true;
      parts = [];
      return;
    }
    if (!oversize) parts.push(kept, Buffer.from('\n'));
  }

  for await (const chunk of bytes) {
    let data = carry.length > 0 ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk);
    for (let newline = data.indexOf(0x0a); newline >= 0; newline = data.indexOf(0x0a)) {
      yield* take(data.subarray(0, newline));
      data = data.subarray(newline + 1);
    }
    carry = Buffer.from(data);
  }
  if (carry.length > 0) yield* take(carry);
  yield* finish();
}
