import { MAX_IMPORT_COLUMNS, type ImportEncoding, type ImportDelimiter } from '@inbox-crm/shared';
import { csvRecords, sniffDelimiter, sniffEncoding } from './csv-reading.js';

/** Lines of the file shown for choosing the header row and checking the mapping. */
const SAMPLE_LINES = 12;

export interface FileHead {
  columns: string[];
  sample: string[][];
}

/** The encoding and delimiter the file's first bytes suggest. */
export function sniffFormat(head: Uint8Array): { encoding: ImportEncoding; delimiter: ImportDelimiter } {
  const encoding = sniffEncoding(head);
  return { encoding, delimiter: sniffDelimiter(new TextDecoder(encoding).decode(head.subarray(0, 8192))) };
}

/** The column names on the header row and the first lines of the file, read from its first bytes. */
export async function readHead(
  head: Uint8Array,
  format: { encoding: ImportEncoding; delimiter: ImportDelimiter },
  headerRow: number,
): Promise<FileHead> {
  const lines: string[][] = [];
  // The head may end mid-record: its last record is left out unless the head is the whole file.
  for await (const record of csvRecords([head], format)) {
    if (record.cells === null) break;
    lines.push(record.cells.slice(0, MAX_IMPORT_COLUMNS).map((cell) => cell.slice(0, 200)));
    if (lines.length >= Math.max(SAMPLE_LINES, headerRow + 5)) break;
  }
  const header = lines.find((_, index) => index === headerRow - 1) ?? [];
  return {
    columns: header.map((name, index) => name.trim() || `Column ${index + 1}`),
    sample: lines.slice(0, Math.max(SAMPLE_LINES, headerRow + 5)),
  };
}
