import { enabledMailboxes } from './mailboxes-repository.js';
import { MailboxReader, type ReaderOptions } from './mailbox-reader.js';

export interface MailboxReadersOptions extends ReaderOptions {
  /** How often the list of mailboxes is read again, to follow admins' changes. */
  refreshMs: number;
}

/** How the server reads mailboxes unless told otherwise (tests shorten the waits). */
export const MAILBOX_READING_DEFAULTS = {
  refreshMs: 10_000,
  pollMs: 60_000,
  retryBaseMs: 5_000,
  retryMaxMs: 5 * 60_000,
  timeoutMs: 30_000,
  batchSize: 100,
  fetchBytes: 32 * 1024 * 1024,
  concurrency: 4,
  maxMessageBytes: 50 * 1024 * 1024,
  maxAttempts: 3,
} as const;

type Defaulted = keyof typeof MAILBOX_READING_DEFAULTS;

/**
 * Keeps a reader running for every enabled support mailbox of every organisation, following
 * admins' changes: a new mailbox gets a reader, a changed one a fresh reader, a removed or switched
 * off one loses its reader. Every server instance runs its own; the ledger keeps them from
 * counting a message twice.
 */
export class MailboxReaders {
  private readonly readers = new Map<string, MailboxReader>();
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();

  private readonly options: MailboxReadersOptions;

  constructor(
    options: Omit<MailboxReadersOptions, Defaulted> & Partial<Pick<MailboxReadersOptions, Defaulted>>,
  ) {
    this.options = { ...MAILBOX_READING_DEFAULTS, ...options };
  }

  start(): void {
    const tick = () => {
      this.refreshing = this.refresh()
        .catch((error: unknown) =>
          this.options.logger.warn({ error: (error as Error).message }, 'support mailboxes: list not read'),
        )
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.refreshMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Brings the readers in step with the mailboxes now; also what start() repeats. */
  async refresh(): Promise<void> {
    const rows = await enabledMailboxes(this.options.knex);
    const wanted = new Map(rows.map((row) => [row.id, row]));
    for (const [id, reader] of this.readers) {
      const row = wanted.get(id);
      if (!row || row.version !== reader.mailbox.version) {
        this.readers.delete(id);
        await reader.stop();
      }
    }
    for (const row of rows) {
      if (this.readers.has(row.id)) continue;
      const reader = new MailboxReader(this.options, row);
      this.readers.set(row.id, reader);
      reader.start();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.refreshing;
    await Promise.all([...this.readers.values()].map((reader) => reader.stop()));
    this.readers.clear();
  }
}
