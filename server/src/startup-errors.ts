import { StartupRefused } from './bootstrap/ensure-organisation.js';
import { ConfigError } from './config.js';
import { DataDirLocked } from './db/data-dir-lock.js';
import { DomainError } from './errors.js';

/**
 * The handler that ends a command on failure, each message starting with what failed (e.g.
 * "Inbox CRM cannot start"): the message alone for problems the operator fixes by configuration or
 * input, the stack otherwise.
 */
export function exitOnError(failed: string): (error: unknown) => never {
  return (error) => {
    const expected =
      error instanceof ConfigError ||
      error instanceof DataDirLocked ||
      error instanceof StartupRefused ||
      error instanceof DomainError;
    if (expected) console.error(`${failed}: ${error.message}`);
    else if ((error as { code?: string }).code === 'ECONNREFUSED')
      console.error(
        `${failed}: the database at DATABASE_URL cannot be reached (${(error as Error).message}).`,
      );
    else console.error(error);
    process.exit(1);
  };
}
