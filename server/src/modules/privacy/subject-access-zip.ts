import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import yazl from 'yazl';
import * as access from './subject-access-repository.js';

const EMAIL_PAGE = 200;

/** A value as the files hold it: times in ISO 8601, the rest as read. */
const plain = (row: Record<string, unknown>) =>
  JSON.stringify(row, (_, value: unknown) => (value instanceof Date ? value.toISOString() : value));

const jsonLines = (rows: readonly Record<string, unknown>[]) =>
  Buffer.from(rows.map(plain).join('\n') + (rows.length > 0 ? '\n' : ''));

async function* emailLines(
  trx: Knex.Transaction,
  orgId: string,
  ids: readonly string[],
): AsyncGenerator<Buffer> {
  for (let start = 0; start < ids.length; start += EMAIL_PAGE) {
    yield jsonLines(await access.emailsByIds(trx, orgId, ids.slice(start, start + EMAIL_PAGE)));
  }
}

async function* attachmentBytes(
  trx: Knex.Transaction,
  orgId: string,
  emailId: string,
  sha256: string,
): AsyncGenerator<Buffer> {
  const content = await access.attachmentContent(trx, orgId, emailId, sha256);
  if (content) yield content;
}

/** A file name from what a sender called it: no folders, nothing a file system refuses. */
const safeName = (name: string) =>
  [...name]
    .map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .slice(0, 150) || 'attachment';

export interface SubjectAccessContents {
  readme: string;
  person: Record<string, unknown>;
  emailIds: readonly string[];
  /** Each email's kept attachments: where they go in the ZIP, and which content. */
  attachments: readonly { emailId: string; position: number; name: string; sha256: string }[];
  tables: Record<string, readonly Record<string, unknown>[]>;
}

/** The answer to a subject access request as a ZIP, its emails and attachments read as it is written. */
export function subjectAccessZip(
  trx: Knex.Transaction,
  orgId: string,
  contents: SubjectAccessContents,
): Readable {
  const zip = new yazl.ZipFile();
  const now = new Date();
  zip.addBuffer(Buffer.from(contents.readme), 'README.md', { mtime: now });
  zip.addBuffer(Buffer.from(JSON.stringify(contents.person, null, 2)), 'person.json', { mtime: now });
  zip.addReadStream(Readable.from(emailLines(trx, orgId, contents.emailIds)), 'emails.jsonl', { mtime: now });
  for (const file of contents.attachments) {
    zip.addReadStream(
      Readable.from(attachmentBytes(trx, orgId, file.emailId, file.sha256)),
      `attachments/${file.emailId}/${file.position}-${safeName(file.name)}`,
      { mtime: now, compress: false },
    );
  }
  for (const [name, rows] of Object.entries(contents.tables)) {
    zip.addBuffer(jsonLines(rows), `${name}.jsonl`, { mtime: now });
  }
  zip.end();
  return zip.outputStream as Readable;
}
