import { simpleParser } from 'mailparser';

/**
 * The floor an archive import is measured against: splitting the mbox at its "From " lines and
 * parsing each message with mailparser, as the import does, without matching, filing or a database.
 * Answers the seconds it took.
 */
export async function parseArchiveBaseline(archive: string): Promise<number> {
  const started = performance.now();
  for (const message of archive.split(/^From .*\n/m)) {
    if (message.trim() !== '') await simpleParser(message, { skipImageLinks: true, skipTextToHtml: true });
  }
  return (performance.now() - started) / 1000;
}
