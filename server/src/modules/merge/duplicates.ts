import {
  registrableDomain,
  type Account,
  type Contact,
  type DuplicateReason,
  type DuplicatesOf,
  type MergeableType,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { NotFound } from '../../errors.js';
import { ACCOUNT_BASE_NAME_SQL, WEBSITE_HOST_SQL } from './duplicate-signs.js';
import { MERGE_KINDS, type MergeKind, type RecordOfMergeable } from './merge-kinds.js';

/** At most this many candidates are read per sign, and shown in all. */
const MAX_SUGGESTIONS = 10;

type Candidates = Array<{ id: string; reason: DuplicateReason }>;

async function ids(query: Knex.QueryBuilder, reason: DuplicateReason): Promise<Candidates> {
  const rows = (await query.limit(MAX_SUGGESTIONS)) as { id: string }[];
  return rows.map((row) => ({ id: row.id, reason }));
}

/** Live records of the table other than `id`: where every sign looks. */
const others = (db: Db, table: 'contacts' | 'accounts', orgId: string, id: string) =>
  db(table).where({ org_id: orgId }).whereNull('deleted_at').whereNot({ id }).select('id');

function contactSigns(db: Db, orgId: string, contact: Contact): Promise<Candidates>[] {
  const signs = [
    ids(
      others(db, 'contacts', orgId, contact.id).whereRaw(
        // The list's name index: lower(last_name || ' ' || first_name).
        `lower(last_name || ' ' || first_name) = lower(? || ' ' || ?)`,
        [contact.lastName, contact.firstName],
      ),
      'same_name',
    ),
  ];
  const phones = contact.phones.map((phone) => phone.number);
  if (phones.length > 0) {
    signs.push(
      ids(
        others(db, 'contacts', orgId, contact.id).whereIn(
          'id',
          db('contact_phones').where({ org_id: orgId }).whereIn('phone', phones).select('contact_id'),
        ),
        'same_phone',
      ),
    );
  }
  if (contact.accountId && contact.lastName && contact.firstName) {
    signs.push(
      ids(
        others(db, 'contacts', orgId, contact.id)
          .where({ account_id: contact.accountId })
          .whereRaw('lower(last_name) = lower(?)', [contact.lastName])
          .whereRaw('lower(left(first_name, 1)) = lower(left(?, 1))', [contact.firstName]),
        'same_initial_at_account',
      ),
    );
  }
  return signs;
}

function accountSigns(db: Db, orgId: string, account: Account): Promise<Candidates>[] {
  const baseName = db('accounts')
    .where({ org_id: orgId, id: account.id })
    .select(db.raw(`${ACCOUNT_BASE_NAME_SQL} AS base`));
  const signs: Promise<Candidates>[] = [
    (async () => {
      const rows = (await others(db, 'accounts', orgId, account.id)
        .select(db.raw('lower(name) = lower(?) AS exact', [account.name]))
        .whereRaw(`${ACCOUNT_BASE_NAME_SQL} = (?)`, [baseName])
        .whereRaw(`${ACCOUNT_BASE_NAME_SQL} <> ''`)
        .limit(MAX_SUGGESTIONS)) as { id: string; exact: boolean }[];
      return rows.map((row): Candidates[number] => ({
        id: row.id,
        reason: row.exact ? 'same_name' : 'similar_name',
      }));
    })(),
  ];
  if (account.phone) {
    signs.push(ids(others(db, 'accounts', orgId, account.id).where({ phone: account.phone }), 'same_phone'));
  }
  const websiteDomain = account.website ? registrableDomain(account.website) : null;
  const hosts = [...new Set([...account.domains, ...(websiteDomain ? [websiteDomain] : [])])];
  if (hosts.length > 0) {
    signs.push(
      ids(
        others(db, 'accounts', orgId, account.id).where((where) => {
          const list = hosts.map(() => '?').join(', ');
          where.whereRaw(`website IS NOT NULL AND ${WEBSITE_HOST_SQL} IN (${list})`, hosts);
          if (websiteDomain) {
            where.orWhereIn(
              'id',
              db('account_domains').where({ org_id: orgId, domain: websiteDomain }).select('account_id'),
            );
          }
        }),
        'same_web_domain',
      ),
    );
  }
  return signs;
}

/**
 * Live records of the same type that may be the same customer entered twice, most signs first, each
 * with the signs it shows: the same name or phone, for a contact the same last name and initial at
 * the same account, for an account the same name but for its legal form, or a website on its domains.
 */
export async function findDuplicates<T extends MergeableType>(
  db: Db,
  actor: Actor,
  type: T,
  id: string,
): Promise<DuplicatesOf<RecordOfMergeable[T]>> {
  const kind = MERGE_KINDS[type] as MergeKind<T>;
  const record = await kind.load(db, actor.orgId, id);
  if (!record || record.deletedAt !== null) throw new NotFound(type === 'contact' ? 'Contact' : 'Account');
  const signs =
    type === 'contact'
      ? contactSigns(db, actor.orgId, record as Contact)
      : accountSigns(db, actor.orgId, record as Account);
  const reasons = new Map<string, DuplicateReason[]>();
  for (const candidate of (await Promise.all(signs)).flat()) {
    reasons.set(candidate.id, [...(reasons.get(candidate.id) ?? []), candidate.reason]);
  }
  const ranked = [...reasons].sort((a, b) => b[1].length - a[1].length).slice(0, MAX_SUGGESTIONS);
  const items = await Promise.all(
    ranked.map(async ([candidateId, why]) => ({
      record: (await kind.load(db, actor.orgId, candidateId))!,
      reasons: why,
    })),
  );
  return { items };
}
