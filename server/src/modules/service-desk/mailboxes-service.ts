import type {
  OutgoingServer,
  SupportMailbox,
  SupportMailboxCreate,
  SupportMailboxUpdate,
  SupportMailProblem,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { NotFound, StaleVersion, Unprocessable, ValidationFailed } from '../../errors.js';
import type { SecretBox } from '../../secret-box.js';
import { recordAudit } from '../audit/index.js';
import { checkReferences } from '../records/index.js';
import { listProblems } from './mail-ledger.js';
import * as mailboxes from './mailboxes-repository.js';

const PROBLEMS_SHOWN = 100;
/** Each mailbox holds a connection from every server instance: an organisation keeps a few. */
export const MAX_MAILBOXES = 20;

/** What the server allows mailboxes to reach (MAILBOX_ALLOW_PRIVATE). */
export interface MailboxRules {
  box: SecretBox;
  allowPrivate: boolean;
}

/** A password sent in the clear is for a server inside the network only. */
function refusePlainOutside(
  security: SupportMailbox['security'],
  rules: MailboxRules,
  path = '/security',
): void {
  if (security === 'none' && !rules.allowPrivate) {
    throw new ValidationFailed(
      'Choose TLS or STARTTLS: without them the password crosses the internet in the clear. A server inside your network can be allowed by the server’s administrator (MAILBOX_ALLOW_PRIVATE).',
      [{ in: 'body', path, message: 'must be tls or starttls' }],
    );
  }
}

const outgoingColumns = (outgoing: OutgoingServer | null) => ({
  smtp_host: outgoing?.host.trim() ?? null,
  smtp_port: outgoing?.port ?? null,
  smtp_security: outgoing?.security ?? null,
});

/** IMAP names INBOX in any case; other folders as written. */
const sameFolder = (a: string, b: string) =>
  a === b || (a.toUpperCase() === 'INBOX' && b.toUpperCase() === 'INBOX');

async function lockedOrNotFound(trx: Knex.Transaction, actor: Actor, id: string) {
  const row = await mailboxes.findMailbox(trx, actor.orgId, id, true);
  if (!row) throw new NotFound('Support mailbox');
  return row;
}

/** A mailbox that moves what it read must say where to; one that marks it seen names no folder. */
function afterReadingColumns(
  afterReading: SupportMailbox['afterReading'],
  moveToFolder: string | null | undefined,
  folder: string,
) {
  if (afterReading === 'mark_seen') return { after_reading: afterReading, move_to_folder: null };
  if (!moveToFolder) {
    throw new ValidationFailed('Say which folder read mail moves to.', [
      { in: 'body', path: '/moveToFolder', message: 'must name a folder when afterReading is move' },
    ]);
  }
  if (sameFolder(moveToFolder, folder)) {
    throw new ValidationFailed('Read mail must move to a folder other than the one being read.', [
      { in: 'body', path: '/moveToFolder', message: 'must differ from folder' },
    ]);
  }
  return { after_reading: afterReading, move_to_folder: moveToFolder };
}

export async function listSupportMailboxes(db: Knex, actor: Actor): Promise<SupportMailbox[]> {
  requireRole(actor, 'admin');
  return (await mailboxes.listMailboxes(db, actor.orgId)).map(mailboxes.toSupportMailbox);
}

export async function getSupportMailbox(db: Knex, actor: Actor, id: string): Promise<SupportMailbox> {
  requireRole(actor, 'admin');
  const row = await mailboxes.findMailbox(db, actor.orgId, id);
  if (!row) throw new NotFound('Support mailbox');
  return mailboxes.toSupportMailbox(row);
}

/** Connects a support mailbox; its password or token is sealed with the server's key and never shown. */
export function createSupportMailbox(
  db: Knex,
  actor: Actor,
  input: SupportMailboxCreate,
  rules: MailboxRules,
): Promise<SupportMailbox> {
  requireRole(actor, 'admin');
  refusePlainOutside(input.security, rules);
  if (input.outgoing) refusePlainOutside(input.outgoing.security, rules, '/outgoing/security');
  const folder = input.folder ?? 'INBOX';
  const after = afterReadingColumns(input.afterReading ?? 'mark_seen', input.moveToFolder, folder);
  return db.transaction(async (trx) => {
    await checkReferences(trx, actor.orgId, [{ field: 'teamId', type: 'team', id: input.teamId }]);
    if ((await mailboxes.countMailboxes(trx, actor.orgId)) >= MAX_MAILBOXES) {
      throw new Unprocessable(
        'too_many_mailboxes',
        `An organisation keeps at most ${MAX_MAILBOXES} support mailboxes; remove one first.`,
      );
    }
    const id = newId();
    await mailboxes.insertMailbox(trx, actor.orgId, id, {
      name: input.name.trim(),
      address: input.address.trim().toLowerCase(),
      host: input.host.trim(),
      port: input.port,
      security: input.security,
      username: input.username,
      auth_method: input.authMethod,
      sealed_secret: rules.box.seal(input.secret, mailboxes.secretOwner({ org_id: actor.orgId, id })),
      folder,
      ...after,
      team_id: input.teamId ?? null,
      enabled: input.enabled ?? true,
      read_existing: input.readExisting ?? false,
      ...outgoingColumns(input.outgoing ?? null),
    });
    const created = mailboxes.toSupportMailbox((await lockedOrNotFound(trx, actor, id))!);
    await recordAudit(trx, actor, 'create', 'support_mailbox', id, null, created);
    return created;
  });
}

/** Where a mailbox's saved secret is sent: changing any of it needs the secret again. */
const CONNECTION_FIELDS = ['host', 'port', 'security', 'username', 'authMethod', 'outgoing'] as const;
/** Where its mail is: changing any of it starts reading afresh. */
const PLACE_FIELDS = ['host', 'port', 'username', 'folder'] as const;

/** A setting as a comparable value: an outgoing server by its fields, in one order. */
const comparable = (value: unknown) =>
  value !== null && typeof value === 'object'
    ? JSON.stringify(['host', 'port', 'security'].map((key) => (value as Record<string, unknown>)[key]))
    : value;

function changed(
  input: SupportMailboxUpdate,
  row: SupportMailbox,
  fields: readonly (keyof SupportMailbox)[],
) {
  return fields.some((field) => {
    const value = input[field as keyof SupportMailboxUpdate];
    return value !== undefined && comparable(value) !== comparable(row[field]);
  });
}

export function updateSupportMailbox(
  db: Knex,
  actor: Actor,
  id: string,
  input: SupportMailboxUpdate,
  rules: MailboxRules,
): Promise<SupportMailbox> {
  requireRole(actor, 'admin');
  if (input.security !== undefined) refusePlainOutside(input.security, rules);
  if (input.outgoing) refusePlainOutside(input.outgoing.security, rules, '/outgoing/security');
  return db.transaction(async (trx) => {
    const row = await lockedOrNotFound(trx, actor, id);
    if (row.version !== input.version) throw new StaleVersion('This support mailbox', row.version);
    const current = mailboxes.toSupportMailbox(row);
    // Else an admin could send the saved password to a server of their choosing and read it there.
    if (input.secret === undefined && changed(input, current, CONNECTION_FIELDS)) {
      throw new ValidationFailed('Enter the password or token again to change where it is sent.', [
        {
          in: 'body',
          path: '/secret',
          message: 'is needed when host, port, security, user, sign-in or outgoing server change',
        },
      ]);
    }
    await checkReferences(trx, actor.orgId, [{ field: 'teamId', type: 'team', id: input.teamId }]);
    const folder = input.folder ?? row.folder;
    const after =
      input.afterReading !== undefined || input.moveToFolder !== undefined || input.folder !== undefined
        ? afterReadingColumns(
            input.afterReading ?? row.after_reading,
            input.moveToFolder === undefined ? row.move_to_folder : input.moveToFolder,
            folder,
          )
        : {};
    const before = current;
    await mailboxes.updateMailboxSettings(
      trx,
      actor.orgId,
      id,
      {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.address !== undefined ? { address: input.address.trim().toLowerCase() } : {}),
        ...(input.host !== undefined ? { host: input.host.trim() } : {}),
        ...(input.port !== undefined ? { port: input.port } : {}),
        ...(input.security !== undefined ? { security: input.security } : {}),
        ...(input.username !== undefined ? { username: input.username } : {}),
        ...(input.authMethod !== undefined ? { auth_method: input.authMethod } : {}),
        ...(input.secret !== undefined
          ? { sealed_secret: rules.box.seal(input.secret, mailboxes.secretOwner(row)) }
          : {}),
        ...(input.folder !== undefined ? { folder } : {}),
        ...after,
        ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.readExisting !== undefined ? { read_existing: input.readExisting } : {}),
        ...(input.outgoing !== undefined ? outgoingColumns(input.outgoing) : {}),
      },
      changed(input, current, PLACE_FIELDS),
    );
    const updated = mailboxes.toSupportMailbox(await lockedOrNotFound(trx, actor, id));
    await recordAudit(trx, actor, 'update', 'support_mailbox', id, before, {
      ...updated,
      ...(input.secret !== undefined ? { secretChanged: true } : {}),
    });
    return updated;
  });
}

/** Disconnects a mailbox; its cases stay, and the mail stays on the mail server. */
export function deleteSupportMailbox(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const row = await lockedOrNotFound(trx, actor, id);
    await mailboxes.deleteMailbox(trx, actor.orgId, id);
    await recordAudit(trx, actor, 'delete', 'support_mailbox', id, mailboxes.toSupportMailbox(row), null);
  });
}

/** The messages the mailbox could not make cases of, newest first, with the reason for each. */
export async function listSupportMailProblems(
  db: Knex,
  actor: Actor,
  id: string,
): Promise<SupportMailProblem[]> {
  await getSupportMailbox(db, actor, id);
  return listProblems(db, actor.orgId, id, PROBLEMS_SHOWN);
}
