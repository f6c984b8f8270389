import type { Acknowledgement, MailboxStatus, RoutingRule, SupportMailbox } from '@inbox-crm/shared';
import { iso, type Db } from '../../db/types.js';

export interface MailboxRow {
  org_id: string;
  id: string;
  name: string;
  address: string;
  host: string;
  port: number;
  security: SupportMailbox['security'];
  username: string;
  auth_method: SupportMailbox['authMethod'];
  sealed_secret: string;
  folder: string;
  after_reading: SupportMailbox['afterReading'];
  move_to_folder: string | null;
  team_id: string | null;
  enabled: boolean;
  read_existing: boolean;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: SupportMailbox['security'] | null;
  routing_rules: RoutingRule[];
  acknowledgement: Acknowledgement;
  routing_version: number;
  /** bigint columns arrive as strings from pg. */
  uid_validity: string | null;
  last_uid: string;
  status: MailboxStatus;
  last_error: string | null;
  last_error_at: Date | null;
  last_read_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type MailboxSettingsColumns = Partial<
  Pick<
    MailboxRow,
    | 'name'
    | 'address'
    | 'host'
    | 'port'
    | 'security'
    | 'username'
    | 'auth_method'
    | 'sealed_secret'
    | 'folder'
    | 'after_reading'
    | 'move_to_folder'
    | 'team_id'
    | 'enabled'
    | 'read_existing'
    | 'smtp_host'
    | 'smtp_port'
    | 'smtp_security'
  >
>;

/** What a mailbox's secret is sealed for: it opens for this mailbox only. */
export const secretOwner = (row: Pick<MailboxRow, 'org_id' | 'id'>) =>
  `support-mailbox:${row.org_id}:${row.id}`;

/** A mailbox as admins see it: never its secret, nor the reading position. */
export const toSupportMailbox = (row: MailboxRow): SupportMailbox => ({
  id: row.id,
  name: row.name,
  address: row.address,
  host: row.host,
  port: row.port,
  security: row.security,
  username: row.username,
  authMethod: row.auth_method,
  folder: row.folder,
  afterReading: row.after_reading,
  moveToFolder: row.move_to_folder,
  teamId: row.team_id,
  enabled: row.enabled,
  readExisting: row.read_existing,
  outgoing:
    row.smtp_host && row.smtp_port && row.smtp_security
      ? { host: row.smtp_host, port: row.smtp_port, security: row.smtp_security }
      : null,
  status: row.enabled ? row.status : 'off',
  lastError: row.last_error,
  lastErrorAt: row.last_error_at && iso(row.last_error_at),
  lastReadAt: row.last_read_at && iso(row.last_read_at),
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export async function findMailbox(
  db: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<MailboxRow | undefined> {
  const query = db('support_mailboxes').where({ org_id: orgId, id });
  if (lock) query.forUpdate();
  return (await query.first()) as MailboxRow | undefined;
}

/** Every support address of the organisation. */
export async function mailboxAddresses(db: Db, orgId: string): Promise<string[]> {
  return (await db('support_mailboxes').where({ org_id: orgId }).pluck('address')) as string[];
}

export async function listMailboxes(db: Db, orgId: string): Promise<MailboxRow[]> {
  return (await db('support_mailboxes').where({ org_id: orgId }).orderBy('name')) as MailboxRow[];
}

/** Every enabled mailbox of every organisation: what this server's readers keep connected. */
export async function enabledMailboxes(db: Db): Promise<MailboxRow[]> {
  return (await db('support_mailboxes').where({ enabled: true }).orderBy('id')) as MailboxRow[];
}

export async function insertMailbox(
  db: Db,
  orgId: string,
  id: string,
  columns: MailboxSettingsColumns,
): Promise<void> {
  await db('support_mailboxes').insert({ org_id: orgId, id, ...columns });
}

export async function countMailboxes(db: Db, orgId: string): Promise<number> {
  const row = (await db('support_mailboxes').where({ org_id: orgId }).count('* as n').first()) as {
    n: string;
  };
  return Number(row.n);
}

/**
 * Changes settings and bumps the version; the reader starts over as waiting, its error cleared. A
 * changed server, account or folder is another mailbox: reading starts afresh there (`newPlace`).
 */
export async function updateMailboxSettings(
  db: Db,
  orgId: string,
  id: string,
  columns: MailboxSettingsColumns,
  newPlace: boolean,
): Promise<void> {
  await db('support_mailboxes')
    .where({ org_id: orgId, id })
    .update({
      ...columns,
      ...(newPlace ? { uid_validity: null, last_uid: 0 } : {}),
      status: 'waiting',
      last_error: null,
      last_error_at: null,
      version: db.raw('version + 1'),
      updated_at: db.fn.now(),
    });
}

/** Replaces the routing rules and acknowledgement, bumping their own version (the reader keeps its connection). */
export async function updateMailboxRouting(
  db: Db,
  orgId: string,
  id: string,
  rules: readonly RoutingRule[],
  acknowledgement: Acknowledgement,
): Promise<void> {
  await db('support_mailboxes')
    .where({ org_id: orgId, id })
    .update({
      routing_rules: JSON.stringify(rules),
      acknowledgement: JSON.stringify(acknowledgement),
      routing_version: db.raw('routing_version + 1'),
      updated_at: db.fn.now(),
    });
}

export async function deleteMailbox(db: Db, orgId: string, id: string): Promise<void> {
  await db('cases').where({ org_id: orgId, support_mailbox_id: id }).update({ support_mailbox_id: null });
  await db('support_mailboxes').where({ org_id: orgId, id }).delete();
}

/** What a reader reports of its connection: connected, or failing with a reason. */
export async function reportMailboxStatus(
  db: Db,
  orgId: string,
  id: string,
  report: { status: 'connected' } | { status: 'failing'; error: string },
): Promise<void> {
  await db('support_mailboxes')
    .where({ org_id: orgId, id })
    .update(
      report.status === 'connected'
        ? { status: 'connected', last_read_at: db.fn.now() }
        : { status: 'failing', last_error: report.error.slice(0, 1000), last_error_at: db.fn.now() },
    );
}

/**
 * Starts reading the folder at a new UIDVALIDITY (first read, or the server renumbered it): from
 * `lastUid`. Only the reader that finds the old value set makes the change.
 */
export async function restartReadingPosition(
  db: Db,
  row: Pick<MailboxRow, 'org_id' | 'id' | 'uid_validity'>,
  uidValidity: bigint,
  lastUid: number,
): Promise<void> {
  const query = db('support_mailboxes').where({ org_id: row.org_id, id: row.id });
  if (row.uid_validity === null) query.whereNull('uid_validity');
  else query.where({ uid_validity: row.uid_validity });
  await query.update({ uid_validity: uidValidity.toString(), last_uid: lastUid.toString() });
}

/** Moves the reading position forward (never back) at this UIDVALIDITY. */
export async function advanceReadingPosition(
  db: Db,
  row: Pick<MailboxRow, 'org_id' | 'id'>,
  uidValidity: bigint,
  lastUid: number,
): Promise<void> {
  await db('support_mailboxes')
    .where({ org_id: row.org_id, id: row.id, uid_validity: uidValidity.toString() })
    .update({
      last_uid: db.raw('greatest(last_uid, ?)', [lastUid.toString()]),
      last_read_at: db.fn.now(),
    });
}
