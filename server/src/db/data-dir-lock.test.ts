import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from './data-dir-lock.js';

const freshDir = () => mkdtemp(path.join(tmpdir(), 'inboxcrm-lock-'));

describe('the data directory lock', () => {
  it('refuses a directory that a live process holds, naming it', async () => {
    const dir = await freshDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(path.join(dir, 'server.lock'), String(holder.pid));
      await expect(lockDataDir(dir)).rejects.toThrow(DataDirLocked);
      await expect(lockDataDir(dir)).rejects.toThrow(`process ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died, and releases it', async () => {
    const dir = await freshDir();
    await writeFile(path.join(dir, 'server.lock'), '999999999');
    const release = await lockDataDir(dir);
    expect(await readFile(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
    await release();
    const again = await lockDataDir(dir);
    await again();
  });
});
