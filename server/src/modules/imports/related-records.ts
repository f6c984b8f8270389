import type { Knex } from 'knex';
import { contactHoldingEmail } from '../contacts/index.js';
import { emailIn, type RowValues } from './cell-values.js';
import { resolveCompany, type Company } from './company.js';
import type { ImportContext } from './import-context.js';
import { RowRefused } from './outcome.js';

export const contactEmailIn = (values: RowValues) => emailIn(values, 'contactEmail', 'Contact email');

/** The live contact holding the row's contact address, if the row names one; one nobody holds is refused. */
async function contactOfRow(
  trx: Knex.Transaction,
  context: ImportContext,
  values: { contactEmail: string | undefined },
): Promise<{ id: string; accountId: string | null } | undefined> {
  if (values.contactEmail === undefined) return undefined;
  const holder = await contactHoldingEmail(trx, context.actor.orgId, values.contactEmail);
  if (!holder?.live) throw new RowRefused(`No contact has the address ${values.contactEmail}.`);
  return holder;
}

/**
 * The account a new deal, case, note or call goes to: its company's; or, when the file has no
 * company column at all, its contact's. A company column left empty means no account, as the file says.
 */
function accountOfRow(
  context: ImportContext,
  company: { accountId: string } | null,
  contact: { accountId: string | null } | undefined,
): string | null {
  if (company) return company.accountId;
  const companyMapped = Object.values(context.settings.mapping).includes('account');
  return companyMapped ? null : (contact?.accountId ?? null);
}

/** The records a deal, case, note or call row names. */
export interface Related {
  /** The contact of its contact address; undefined when the row names none. */
  contactId: string | undefined;
  /** The account of its company; undefined when the row names none (a change then leaves it). */
  companyId: string | undefined;
  /** The account a new record of the row goes to. */
  accountId: string | null;
  /** The account made for its company, if this row made it. */
  createdAccountId: string | null;
}

/** The contact and company a row names, its company made when there is none and `mayCreate`. */
export async function relatedOfRow(
  trx: Knex.Transaction,
  context: ImportContext,
  row: { contactEmail: string | undefined; company: Company },
  mayCreate: boolean,
): Promise<Related> {
  const contact = await contactOfRow(trx, context, row);
  const company = await resolveCompany(trx, context, row.company, mayCreate);
  return {
    contactId: contact?.id,
    companyId: company?.accountId,
    accountId: accountOfRow(context, company, contact),
    createdAccountId: company?.made ? company.accountId : null,
  };
}
