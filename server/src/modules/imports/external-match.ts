import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { NotFound } from '../../errors.js';
import { contactHoldingEmail } from '../contacts/index.js';
import { emailIn, text, type RowValues } from './cell-values.js';
import { recordForExternalId, type ExternalKind } from './external-ids.js';
import type { ImportContext } from './import-context.js';
import { RowRefused } from './outcome.js';
import type { ImportedRecord } from './record-writer.js';

/** The id a row carries from the old system; every row of these record types needs one. */
export function externalIdIn(values: RowValues): string {
  const id = text(values, 'externalId', 'The id', 200);
  if (id === undefined)
    throw new RowRefused('The id from the old system is empty: it is how this row is matched.');
  return id;
}

/** The record an earlier import made for this id, unless it has since been deleted for good. */
export async function findByExternalId<Api extends ImportedRecord>(
  trx: Knex.Transaction,
  context: ImportContext,
  kind: ExternalKind,
  externalId: string,
  get: (trx: Knex.Transaction, actor: Actor, id: string) => Promise<Api>,
): Promise<Api | undefined> {
  const recordId = await recordForExternalId(trx, context.actor.orgId, kind, externalId);
  if (recordId === undefined) return undefined;
  try {
    const record = await get(trx, context.actor, recordId);
    if (record.deletedAt !== null)
      throw new RowRefused(`The record with id ${externalId} is in the trash: restore it first.`);
    return record;
  } catch (error) {
    if (error instanceof NotFound) return undefined;
    throw error;
  }
}

/** The live contact holding the row's contact address, if the row names one; one nobody holds is refused. */
export async function contactOfRow(
  trx: Knex.Transaction,
  context: ImportContext,
  values: { contactEmail: string | undefined },
): Promise<{ id: string; accountId: string | null } | undefined> {
  if (values.contactEmail === undefined) return undefined;
  const holder = await contactHoldingEmail(trx, context.actor.orgId, values.contactEmail);
  if (!holder?.live) throw new RowRefused(`No contact has the address ${values.contactEmail}.`);
  return holder;
}

export const contactEmailIn = (values: RowValues) => emailIn(values, 'contactEmail', 'Contact email');

/**
 * The account a deal, case, note or call goes to: its company's; or, when the file has no company
 * column at all, its contact's. A company column left empty means no account, as the file says.
 */
export function accountOfRow(
  context: ImportContext,
  company: { accountId: string } | null,
  contact: { accountId: string | null } | undefined,
): string | null {
  if (company) return company.accountId;
  const companyMapped = Object.values(context.settings.mapping).includes('account');
  return companyMapped ? null : (contact?.accountId ?? null);
}
