import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { logDestination } from './log-destination.js';

const contents = (file: string) => readFile(file, 'utf8').catch(() => '');

async function waitFor(file: string, text: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await contents(file)).includes(text)) {
    if (Date.now() - started > timeoutMs) throw new Error(`"${text}" not written within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

describe('the log destination', () => {
  it('gathers a quiet server’s line and writes it within a second or so', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'inboxcrm-log-')), 'server.log');
    const destination = logDestination(file);
    const logger = pino(destination);
    logger.info({ route: '/api/v1/lookup' }, 'request answered');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await contents(file)).not.toContain('request answered');
    await waitFor(file, 'request answered', 3000);
    destination.end();
  });

  it('loses no line of a busy server when it stops: each is written, in order', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'inboxcrm-log-')), 'server.log');
    const destination = logDestination(file);
    const logger = pino(destination);
    for (let n = 0; n < 500; n += 1) logger.info({ route: '/api/v1/lookup', n }, 'request answered');
    await new Promise((resolve) => {
      destination.on('close', resolve);
      destination.end();
    });
    const lines = (await contents(file)).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { n: number }).n)).toEqual([...Array(500).keys()]);
  });
});
