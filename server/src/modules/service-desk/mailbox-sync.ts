import type { ImapFlow } from 'imapflow';
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { deferRowsIn, writeDeferredRows } from '../../db/deferred-rows.js';
import { DomainError } from '../../errors.js';
import type { AttachmentLimits } from '../attachments/index.js';
import { MailboxConnectionError } from './imap-connection.js';
import { readInboundMessage, UnreadableMessage, type InboundMessage } from '../emails/index.js';
import { intakeLocks, takeInMessage, type IntakeMailbox } from './intake.js';
import { inParallel, laneRuns, threadLanes } from './thread-lanes.js';
import {
  receivedUids,
  recordReceived,
  takeMessage,
  takeMessages,
  type MailboxMessage,
} from './mail-ledger.js';
import { lockKeys, tryLockKeys } from '../../db/advisory-locks.js';
import {
  advanceReadingPosition,
  findMailbox,
  mailboxAddresses,
  restartReadingPosition,
  type MailboxRow,
} from './mailboxes-repository.js';

export interface SyncOptions {
  knex: Knex;
  limits: AttachmentLimits;
  /** How many messages are looked at at once (their sizes, then their sources up to fetchBytes). */
  batchSize: number;
  /** The most message source held in memory at once. */
  fetchBytes: number;
  /** Lanes of conversation taken in at once, each in transactions of its own. */
  concurrency: number;
  /** A message larger than this is listed for admins, not fetched. */
  maxMessageBytes: number;
  /** Failures (not refusals) a message may have before it is listed for admins as unreadable. */
  maxAttempts: number;
  logger: Pick<FastifyBaseLogger, 'warn'>;
}

/**
 * Messages of one run taken in one transaction: most of a message's cost is its round trips to
 * the database, and together they share the transaction's, the ledger's and the audit's.
 */
const TAKEN_TOGETHER = 16;

type Outcome = 'taken' | 'skipped' | 'failed';

const failureId = (key: { uidValidity: bigint; uid: number }) => `${key.uidValidity}:${key.uid}`;

/** What the ledger says of a message it took in. */
const about = (message: InboundMessage) => ({ subject: message.subject, fromEmail: message.from.email });

/** A message's source is kept with its problem up to this size, for an admin to look at. */
const KEPT_SOURCE_BYTES = 1024 * 1024;

interface Fetched {
  uid: number;
  source: Buffer | null;
  size: number;
  internalDate: Date;
}

interface Read {
  fetched: Fetched;
  message: InboundMessage | null;
  problem: string | null;
  /** An unreadable message's subject, where it could be read. */
  problemSubject?: string | null;
}

/** What a pass did: messages this reader acted on, and those another instance had already taken. */
export interface SyncResult {
  taken: number;
  skipped: number;
}

/**
 * Reads one mailbox folder once: every message past the reading position that the ledger lacks is
 * taken in (several to a transaction; one that fails is taken again alone, so one bad message never
 * holds back the rest), then what the ledger has is marked seen or moved, and the position moves
 * past it. Any number of readers, in any number of processes, may run this at once on one mailbox:
 * each message still counts once.
 */
export class MailboxSync {
  /** Failed tries per message (`uidValidity:uid`) in this reader. */
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly options: SyncOptions,
    private readonly mailbox: Pick<MailboxRow, 'org_id' | 'id'>,
  ) {}

  async run(client: ImapFlow): Promise<SyncResult> {
    const row = await this.position(client);
    const found = await client.search({ uid: `${Number(row.last_uid) + 1}:*` }, { uid: true });
    const candidates = (found || []).filter((uid) => uid > Number(row.last_uid)).sort((a, b) => a - b);
    const result: SyncResult = { taken: 0, skipped: 0 };
    const validity = BigInt(row.uid_validity!);
    const intake: IntakeMailbox = {
      orgId: row.org_id,
      id: row.id,
      name: row.name,
      address: row.address,
      teamId: row.team_id,
      rules: row.routing_rules,
      acknowledgement: row.acknowledgement,
      ownAddresses: await mailboxAddresses(this.options.knex, row.org_id),
    };
    let contiguous = true;
    for (let start = 0; start < candidates.length; start += this.options.batchSize) {
      const batch = candidates.slice(start, start + this.options.batchSize);
      const known = await receivedUids(this.options.knex, this.ledgerKey(validity), batch);
      const wanted = batch.filter((uid) => !known.has(uid));
      for (const chunk of this.chunks(await this.sizes(client, wanted))) {
        await this.takeChunk(client, intake, validity, chunk, result);
      }
      contiguous = (await this.finish(client, row, validity, batch, contiguous)) && contiguous;
    }
    return result;
  }

  /** Reads a run of messages, then takes them in, a lane of conversation at a time, several at once. */
  private async takeChunk(
    client: ImapFlow,
    intake: IntakeMailbox,
    validity: bigint,
    chunk: readonly Fetched[],
    result: SyncResult,
  ): Promise<void> {
    const read = await Promise.all((await this.sources(client, chunk)).map((fetched) => this.read(fetched)));
    const lanes = threadLanes(read, (item) => item.message);
    const runs = laneRuns(lanes, this.options.concurrency);
    await inParallel(runs, this.options.concurrency, async (run) => {
      for (const outcome of await this.takeRun(intake, validity, run)) {
        if (outcome === 'taken') result.taken += 1;
        if (outcome === 'skipped') result.skipped += 1;
      }
    });
  }

  /** Takes a run of lanes' messages in, in order, several to a transaction where it can. */
  private async takeRun(intake: IntakeMailbox, validity: bigint, run: readonly Read[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const alone = async (item: Read) =>
      outcomes.push(await this.take(intake, { ...this.ledgerKey(validity), uid: item.fetched.uid }, item));
    let next = 0;
    while (next < run.length) {
      const batch = run.slice(next, next + TAKEN_TOGETHER);
      const together = await this.takeTogether(intake, validity, batch);
      if (together === null) {
        // Failed together: each is taken alone, so one message's trouble stays its own.
        for (const item of batch) await alone(item);
        next += batch.length;
      } else {
        outcomes.push(...together);
        next += together.length;
        // It stopped at a message whose locks another intake holds: that one waits for them, alone.
        if (together.length < batch.length) await alone(run[next++]!);
      }
    }
    return outcomes;
  }

  /**
   * Takes in a batch of a run's messages in one transaction, in order, until one whose locks another
   * intake holds: answers what became of those it got to (the caller takes that one alone, waiting
   * for its locks), or null if the transaction failed, having written nothing.
   */
  private async takeTogether(
    intake: IntakeMailbox,
    validity: bigint,
    batch: readonly Read[],
  ): Promise<Outcome[] | null> {
    const mailbox = this.ledgerKey(validity);
    try {
      const outcomes = await this.options.knex.transaction(async (trx) => {
        deferRowsIn(trx);
        const mine = await takeMessages(
          trx,
          mailbox,
          batch.map((item) => item.fetched.uid),
        );
        // Every message's locks at once, so none of the batch's can be taken by another intake
        // while it waits its turn here: a reply elsewhere then waits for its original.
        const locks = new Map<Read, string[]>();
        for (const item of batch) {
          if (mine.has(item.fetched.uid) && item.message) {
            locks.set(item, await intakeLocks(trx, intake, item.message));
          }
        }
        const held = await tryLockKeys(trx, [...locks.values()].flat());
        const outcomes: Outcome[] = [];
        for (const item of batch) {
          const key = { ...mailbox, uid: item.fetched.uid };
          if (!mine.has(key.uid)) {
            outcomes.push('skipped');
          } else if (item.message === null) {
            await this.recordUnreadable(trx, key, item);
            outcomes.push('taken');
          } else if (locks.get(item)!.every((lock) => held.has(lock))) {
            const taken = await takeInMessage(trx, intake, item.message, this.options.limits);
            await recordReceived(trx, key, { ...taken, ...about(item.message) });
            outcomes.push('taken');
          } else {
            break;
          }
        }
        await writeDeferredRows(trx);
        return outcomes;
      });
      for (const item of batch.slice(0, outcomes.length))
        this.failures.delete(failureId({ ...mailbox, uid: item.fetched.uid }));
      return outcomes;
    } catch {
      // Nothing was written; taken alone, each message's failure is counted and logged.
      return null;
    }
  }

  private ledgerKey(uidValidity: bigint) {
    return { orgId: this.mailbox.org_id, mailboxId: this.mailbox.id, uidValidity };
  }

  /** Opens the folder and answers the reading position, restarted when UIDVALIDITY is new. */
  private async position(client: ImapFlow): Promise<MailboxRow> {
    const { knex } = this.options;
    const before = await findMailbox(knex, this.mailbox.org_id, this.mailbox.id);
    if (!before) throw new MailboxConnectionError('The mailbox was removed.');
    const opened = await client.mailboxOpen(before.folder);
    const validity = opened.uidValidity;
    if (before.uid_validity !== null && BigInt(before.uid_validity) === validity) return before;
    // First read: start after the mail already there, unless asked to read it. A renumbered folder
    // is read again from its start; Message-IDs keep those messages from counting twice.
    const startAfter = before.uid_validity === null && !before.read_existing ? opened.uidNext - 1 : 0;
    await restartReadingPosition(knex, before, validity, startAfter);
    return (await findMailbox(knex, this.mailbox.org_id, this.mailbox.id))!;
  }

  private async sizes(client: ImapFlow, uids: readonly number[]): Promise<Fetched[]> {
    if (uids.length === 0) return [];
    const found: Fetched[] = [];
    const query = { uid: true, size: true, internalDate: true } as const;
    for await (const message of client.fetch(uids.join(','), query, { uid: true })) {
      found.push({
        uid: message.uid,
        source: null,
        size: message.size ?? 0,
        internalDate: message.internalDate instanceof Date ? message.internalDate : new Date(),
      });
    }
    return found.sort((a, b) => a.uid - b.uid);
  }

  /** The messages in runs whose sources together stay within fetchBytes (one large one alone). */
  private *chunks(messages: readonly Fetched[]): Generator<Fetched[]> {
    let chunk: Fetched[] = [];
    let bytes = 0;
    for (const message of messages) {
      if (chunk.length > 0 && bytes + message.size > this.options.fetchBytes) {
        yield chunk;
        chunk = [];
        bytes = 0;
      }
      chunk.push(message);
      bytes += message.size;
    }
    if (chunk.length > 0) yield chunk;
  }

  /** The chunk with the sources of those not too large to take in. */
  private async sources(client: ImapFlow, chunk: readonly Fetched[]): Promise<Fetched[]> {
    const small = chunk.filter((message) => message.size <= this.options.maxMessageBytes);
    const sources = new Map<number, Buffer>();
    if (small.length > 0) {
      const range = small.map((message) => message.uid).join(',');
      for await (const message of client.fetch(range, { uid: true, source: true }, { uid: true })) {
        if (message.source) sources.set(message.uid, message.source);
      }
    }
    return chunk.map((message) => ({ ...message, source: sources.get(message.uid) ?? null }));
  }

  /** The message read from its source, or why it cannot be. */
  private async read(fetched: Fetched): Promise<Read> {
    if (fetched.source === null) {
      const problem = `It is ${Math.ceil(fetched.size / 1024 / 1024)} MB, over the ${Math.floor(this.options.maxMessageBytes / 1024 / 1024)} MB a support message may be.`;
      return { fetched, message: null, problem };
    }
    try {
      return {
        fetched,
        message: await readInboundMessage(fetched.source, fetched.internalDate),
        problem: null,
      };
    } catch (error) {
      if (!(error instanceof UnreadableMessage)) throw error;
      return { fetched, message: null, problem: error.reason, problemSubject: error.subject };
    }
  }

  /** Takes one message in, unless another reader has it: 'failed' leaves it for the next pass. */
  private async take(intake: IntakeMailbox, key: MailboxMessage, read: Read): Promise<Outcome> {
    const { fetched, message } = read;
    try {
      const taken = await this.options.knex.transaction(async (trx) => {
        if (!(await takeMessage(trx, key))) return false;
        if (message === null) await this.recordUnreadable(trx, key, read);
        else await this.takeIn(trx, intake, key, message);
        return true;
      });
      this.failures.delete(failureId(key));
      return taken ? 'taken' : 'skipped';
    } catch (error) {
      return this.failed(key, fetched, message, error);
    }
  }

  private async recordUnreadable(trx: Knex.Transaction, key: MailboxMessage, read: Read): Promise<void> {
    const { source } = read.fetched;
    await recordReceived(trx, key, {
      outcome: 'unreadable',
      reason: read.problem,
      source: source && source.length <= KEPT_SOURCE_BYTES ? source : null,
      subject: read.problemSubject,
    });
  }

  /** Takes in one message, its locks waited for; a refusal is written to the ledger as such. */
  private async takeIn(
    trx: Knex.Transaction,
    intake: IntakeMailbox,
    key: MailboxMessage,
    message: InboundMessage,
  ): Promise<void> {
    await lockKeys(trx, await intakeLocks(trx, intake, message));
    try {
      // A savepoint: a refusal undoes the intake's writes, not the ledger's entry for the message.
      const result = await trx.transaction((inner) =>
        takeInMessage(inner, intake, message, this.options.limits),
      );
      await recordReceived(trx, key, { ...result, ...about(message) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Of a sender who asked to be forgotten, the ledger keeps only that the message was refused.
      const kept = error.code === 'suppressed' ? {} : about(message);
      await recordReceived(trx, key, { outcome: 'refused', reason: error.message, ...kept });
    }
  }

  /**
   * A failure on our side (the database, a bug) may pass: the message waits for the next pass.
   * After a few it is listed for admins, its source kept, so one message never holds back the rest.
   */
  private async failed(
    key: MailboxMessage,
    fetched: Fetched,
    message: InboundMessage | null,
    error: unknown,
  ) {
    const id = failureId(key);
    const attempts = (this.failures.get(id) ?? 0) + 1;
    this.failures.set(id, attempts);
    this.options.logger.warn(
      { mailboxId: key.mailboxId, uid: key.uid, attempts, error: (error as Error).message },
      'support mailbox: a message could not be taken in',
    );
    if (attempts < this.options.maxAttempts) return 'failed' as const;
    const entry = {
      outcome: 'unreadable' as const,
      reason: `It could not be taken in after ${attempts} tries, because of an error on our side (the server's log says which).`,
      source: fetched.source && fetched.source.length <= KEPT_SOURCE_BYTES ? fetched.source : null,
    };
    const record = (about: { subject?: string | null; fromEmail?: string | null }) =>
      this.options.knex.transaction(async (trx) => {
        if (await takeMessage(trx, key)) await recordReceived(trx, key, { ...entry, ...about });
      });
    // If what the message says cannot be written either, the entry is written without it.
    await record({ subject: message?.subject, fromEmail: message?.from.email }).catch(() => record({}));
    this.failures.delete(id);
    return 'taken' as const;
  }

  /**
   * Marks seen (or moves) what the ledger has of the batch and, while every earlier message is
   * done (`contiguous`), moves the position past it. Answers whether the whole batch is done.
   */
  private async finish(
    client: ImapFlow,
    row: MailboxRow,
    validity: bigint,
    batch: readonly number[],
    contiguous: boolean,
  ): Promise<boolean> {
    const done = await receivedUids(this.options.knex, this.ledgerKey(validity), batch);
    const handled = batch.filter((uid) => done.has(uid));
    if (handled.length > 0) {
      const range = handled.join(',');
      if (row.after_reading === 'move' && row.move_to_folder) {
        await client.mailboxCreate(row.move_to_folder).catch(() => undefined);
        await client.messageMove(range, row.move_to_folder, { uid: true });
      } else {
        await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
      }
    }
    // Every UID up to the first one not handled is done: the position may pass them.
    const firstOpen = batch.findIndex((uid) => !done.has(uid));
    const last = firstOpen === -1 ? batch.at(-1) : firstOpen === 0 ? undefined : batch[firstOpen - 1];
    if (contiguous && last !== undefined)
      await advanceReadingPosition(this.options.knex, row, validity, last);
    return firstOpen === -1;
  }
}
