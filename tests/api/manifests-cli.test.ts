import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../manifests/dist/cli.js', import.meta.url));
const run = promisify(execFile);

async function manifests(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('pnpm manifests', () => {
  it('when given a deployment URL and a folder, then it writes the Outlook manifest, the Gmail descriptor and the icons', async () => {
    const out = await mkdtemp(join(tmpdir(), 'manifests-'));
    const result = await manifests('--base-url', 'https://crm.example.com', '--out', out);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'gmail-deployment.json',
      'icons',
      'outlook-app.zip',
      'outlook.xml',
    ]);
    const xml = await readFile(join(out, 'outlook.xml'), 'utf8');
    expect(xml).toContain('<SourceLocation DefaultValue="https://crm.example.com/outlook/"/>');
    const gmail = JSON.parse(await readFile(join(out, 'gmail-deployment.json'), 'utf8'));
    expect(gmail.addOns.common.homepageTrigger.runFunction).toBe('https://crm.example.com/gmail/homepage');
    expect(PNG.sync.read(await readFile(join(out, 'icons', 'icon-80.png'))).width).toBe(80);

    // The same URL gives the same add-in id, run after run.
    const again = await mkdtemp(join(tmpdir(), 'manifests-'));
    await manifests('--base-url', 'https://crm.example.com', '--out', again);
    const id = (text: string) => /<Id>([^<]+)<\/Id>/.exec(text)![1];
    expect(id(await readFile(join(again, 'outlook.xml'), 'utf8'))).toBe(id(xml));
  });

  it.each([
    [['--base-url', 'http://crm.example.com'], /https/],
    [['--base-url', 'https://crm.example.com/crm'], /without a path/],
    [['--base-url', 'https://crm.example.com', '--addin-id', 'x'], /not a GUID/],
    [[], /Usage/],
  ])('when run with %j, then it says what is wrong, exits 2 and writes nothing', async (args, reason) => {
    const out = await mkdtemp(join(tmpdir(), 'manifests-'));
    const result = await manifests(...args, ...(args.length ? ['--out', out] : []));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(await readdir(out)).toEqual([]);
  });
});
