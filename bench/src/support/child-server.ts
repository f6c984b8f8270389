import { spawn, type ChildProcess } from 'node:child_process';
import { cpuMicrosOf } from './process-cpu.js';

export interface ChildServer {
  url: string;
  /** CPU time the server's process has used so far, in microseconds (user and system; Linux only, else null). */
  cpuMicros: () => number | null;
  stop(): Promise<void>;
}

/** `BENCH_PROFILE_DIR` set: each server writes a CPU profile there when it stops. */
const profileArgs = () =>
  process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}: no answer to /health within ${timeoutMs} ms`);
}

/**
 * Runs a server script in its own process (its own event loop, as in production) until stop(); it
 * logs warnings only unless `env` sets LOG_LEVEL. `nodeArgs` go to Node before the script.
 */
export async function startChildServer(
  script: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...profileArgs(), ...nodeArgs, script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    cpuMicros: () => cpuMicrosOf(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
