import { StartupRefused } from './bootstrap/ensure-organisation.js';
import { ConfigError } from './config.js';
import { DataDirLocked } from './db/data-dir-lock.js';
import { AppError } from './errors.js';

/** Exits with the message alone for problems the operator fixes by configuration, with the stack otherwise. */
export function exitOnStartupError(error: unknown): never {
  const expected =
    error instanceof ConfigError ||
    error instanceof DataDirLocked ||
    error instanceof StartupRefused ||
    error instanceof AppError;
  const reachability = (error as { code?: string }).code === 'ECONNREFUSED';
  if (expected) console.error(`Inbox CRM cannot start: ${error.message}`);
  else if (reachability)
    console.error(`Inbox CRM cannot reach the database at DATABASE_URL: ${(error as Error).message}`);
  else console.error(error);
  process.exit(1);
}
