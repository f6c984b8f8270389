import { stat } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { cancelImportRun, importMailFiles } from '../modules/imports/index.js';
import { openConfiguredDatabase } from '../open-database.js';
import { exitOnError } from '../startup-errors.js';

const usage =
  'Usage: pnpm import:mail --as admin@acme.com <folder or .mbox/.eml file>…\n' +
  'Files each message to the contacts and accounts its people match, as that admin or manager.';

const ARCHIVES = new Set(['.mbox', '.mbx', '.eml']);

/** The archive files a path names: itself, or the .mbox and .eml files of a folder and its folders, in name order. */
async function archiveFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) found.push(...(await archiveFiles(full)));
    else if (ARCHIVES.has(extname(entry.name).toLowerCase())) found.push(full);
  }
  return found;
}

/** `pnpm import:mail`: imports mailbox archives from disk, for archives too large to upload. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { values, positionals } = parseArgs({ options: { as: { type: 'string' } }, allowPositionals: true });
  if (!values.as || positionals.length === 0)
    throw new ConfigError(`name who files the mail and what to import.\n${usage}`);
  const files = (await Promise.all(positionals.map(archiveFiles))).flat();
  if (files.length === 0) throw new ConfigError(`no .mbox or .eml files in ${positionals.join(', ')}.`);
  const database = await openConfiguredDatabase(config);
  const started = Date.now();
  let cancel: (() => void) | null = null;
  process.once('SIGINT', () => {
    console.log('\nStopping after the messages in hand…');
    cancel?.();
  });
  try {
    const report = await importMailFiles(database.knex, {
      userEmail: values.as,
      files,
      limits: config.attachmentLimits,
      onStarted: (id, orgId) => {
        cancel = () => void cancelImportRun(database.knex, orgId, id);
        console.log(`Importing ${files.length} file(s)…`);
      },
      onProgress: (messages) => {
        const rate = messages / ((Date.now() - started) / 1000);
        process.stdout.write(
          `\r  ${messages.toLocaleString('en')} messages read (${rate.toFixed(0)} a second)`,
        );
      },
    });
    const { result } = report;
    console.log(
      `\n\n${report.status === 'cancelled' ? 'Cancelled' : 'Done'}: ${result.create} filed, ${result.unchanged} filed before, ${result.skip} matched nobody (skipped), ${result.refuse} refused.`,
    );
    for (const refused of report.refused)
      console.log(`  message ${refused.rowNumber}: ${refused.label || '(unread)'} — ${refused.reason}`);
    console.log(`The import is listed in the console under Import data (${report.importId}).`);
  } finally {
    await database.close();
  }
}

main().catch(exitOnError('Could not import the mail'));
