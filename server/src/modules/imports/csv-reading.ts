import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import {
  IMPORT_DELIMITERS,
  type ImportDelimiter,
  type ImportEncoding,
  MAX_IMPORT_COLUMNS,
} from '@inbox-crm/shared';

/** A record of the file, or the reason one could not be read (a quote left open, say). */
export type CsvRecord = { line: number; cells: string[] } | { line: number; cells: null; problem: string };

export interface CsvFormat {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The encoding of a file from its first bytes: UTF-8 when it starts with a byte order mark or reads
 * as valid UTF-8, otherwise Windows-1252 (what Excel on Windows writes as "CSV").
 */
export function sniffEncoding(head: Uint8Array): ImportEncoding {
  if (UTF8_BOM.every((byte, index) => head[index] === byte)) return 'utf-8';
  // The head may end inside a character: decode all but its last few bytes strictly.
  const whole = head.subarray(0, Math.max(0, head.length - 3));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(whole);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The delimiter a text's first lines use most evenly: the one that splits the first line most. */
export function sniffDelimiter(text: string): ImportDelimiter {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  let best: ImportDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of IMPORT_DELIMITERS) {
    const count = outsideQuotes.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Decodes a stream of bytes in an encoding into text, dropping a UTF-8 byte order mark. */
async function* decoded(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  encoding: ImportEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

const linesIn = (text: string) => text.split('\n').length - 1;

/**
 * The records of a CSV file from line `fromLine` on, streamed. Quotes inside a field are taken as
 * they are (a row with a stray quote is read, and its cells judged, rather than lost with the rows
 * after it); a record that cannot be read at all is answered as a problem with its line.
 */
export async function* csvRecords(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  format: CsvFormat,
  fromLine = 1,
): AsyncGenerator<CsvRecord> {
  const problems: CsvRecord[] = [];
  const parser = Readable.from(decoded(bytes, format.encoding)).pipe(
    parse({
      delimiter: format.delimiter,
      from_line: fromLine,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: 1_000_000,
      info: true,
      raw: true,
      on_skip: (error: CsvError | undefined) => {
        if (error) problems.push({ line: Number(error.lines), cells: null, problem: csvProblem(error) });
      },
    }),
  );
  for await (const { record, info, raw } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
    raw: string;
  }>) {
    const line = info.lines - linesIn(raw.replace(/\r?\n$/, ''));
    while (problems.length > 0 && problems[0]!.line < line) yield problems.shift()!;
    yield { line, cells: record.slice(0, MAX_IMPORT_COLUMNS + 1) };
  }
  yield* problems;
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quote opened here is never closed, so the rest of the file could not be read.';
    case 'CSV_MAX_RECORD_SIZE':
      return 'This row is longer than a million characters.';
    default:
      return `This row could not be read: ${error.message}`;
  }
}
