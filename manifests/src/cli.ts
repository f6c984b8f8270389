import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addInIdFor } from './add-in-id.js';
import { ManifestError } from './base-url.js';
import { deploymentFiles } from './deployment-files.js';

const USAGE = 'Usage: pnpm manifests --base-url https://crm.example.com --out <folder> [--addin-id <guid>]';

async function productVersion(): Promise<string> {
  const rootPackage = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return rootPackage.version;
}

/** Generates every deployment file into `--out`; nothing is written when anything is wrong. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'base-url': { type: 'string' }, out: { type: 'string' }, 'addin-id': { type: 'string' } },
  });
  const baseUrl = values['base-url'];
  const out = values.out;
  if (!baseUrl || !out) throw new ManifestError(USAGE);
  const files = await deploymentFiles(baseUrl, {
    addInId: values['addin-id'] ?? addInIdFor(baseUrl),
    version: await productVersion(),
  });
  for (const [path, content] of files) {
    const target = join(resolve(out), path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  console.log(
    `Wrote ${files.size} files for ${baseUrl} to ${resolve(out)}:\n  ${[...files.keys()].join('\n  ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
