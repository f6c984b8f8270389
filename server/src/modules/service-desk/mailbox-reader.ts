import type { ImapFlow } from 'imapflow';
import type { Knex } from 'knex';
import type { SecretBox } from '../../secret-box.js';
import {
  describeConnectionError,
  MailboxConnectionError,
  mailboxClient,
  type ConnectionRules,
} from './imap-connection.js';
import { MailboxSync, type SyncOptions } from './mailbox-sync.js';
import { reportMailboxStatus, secretOwner, type MailboxRow } from './mailboxes-repository.js';

export interface ReaderOptions extends SyncOptions, ConnectionRules {
  box: SecretBox;
  /** How often the folder is read again even if the server announces nothing (IDLE's safety net). */
  pollMs: number;
  /** The first wait after a failed connection; it doubles up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
}

/**
 * Keeps one support mailbox read: connects, reads what is new, then waits in IDLE until the server
 * announces mail (or pollMs passes) and reads again. A lost connection or a failure is reported on
 * the mailbox and retried after a growing wait.
 */
export class MailboxReader {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  /** The server announced mail while a pass was running: read again at once. */
  private announced = false;
  private client: ImapFlow | null = null;
  private readonly sync: MailboxSync;

  constructor(
    private readonly options: ReaderOptions,
    readonly mailbox: MailboxRow,
  ) {
    this.sync = new MailboxSync(options, mailbox);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.keepReading();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    const client = this.client;
    if (client?.usable) await client.logout().catch(() => client.close());
    else client?.close();
    await this.loop;
  }

  private get knex(): Knex {
    return this.options.knex;
  }

  private async keepReading(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.session();
        failures = 0;
      } catch (error) {
        if (!this.running) break;
        failures += 1;
        const reason = describeConnectionError(error);
        this.options.logger.warn(
          { mailboxId: this.mailbox.id, reason, error: (error as Error).message },
          'support mailbox: reading failed',
        );
        await reportMailboxStatus(this.knex, this.mailbox.org_id, this.mailbox.id, {
          status: 'failing',
          error: reason,
        }).catch(() => undefined);
        const wait = Math.min(this.options.retryBaseMs * 2 ** (failures - 1), this.options.retryMaxMs);
        this.announced = false;
        await this.pause(wait);
      }
    }
  }

  /** One connection, kept until it is lost or the reader stops. */
  private async session(): Promise<void> {
    let secret: string;
    try {
      secret = this.options.box.open(this.mailbox.sealed_secret, secretOwner(this.mailbox));
    } catch {
      throw new Error(
        'Its saved password or token cannot be opened with this server’s SECRETS_KEY: enter it again.',
      );
    }
    const client = await mailboxClient(this.mailbox, secret, this.options);
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.client = null;
      client.close();
      throw error;
    }
    let closed = false;
    const onExists = () => {
      this.announced = true;
      this.wake?.();
    };
    const onClose = () => {
      closed = true;
      this.wake?.();
    };
    client.on('exists', onExists);
    client.on('close', onClose);
    try {
      while (this.running && !closed) {
        this.announced = false;
        await this.sync.run(client);
        await reportMailboxStatus(this.knex, this.mailbox.org_id, this.mailbox.id, { status: 'connected' });
        await this.pause(this.options.pollMs);
      }
      if (closed && this.running) throw new MailboxConnectionError('The mail server closed the connection.');
    } finally {
      client.off('exists', onExists);
      client.off('close', onClose);
      this.client = null;
      if (!closed) await client.logout().catch(() => client.close());
    }
  }

  /** Waits this long, or until the server announces mail, the connection ends or the reader stops. */
  private pause(ms: number): Promise<void> {
    if (this.announced || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
