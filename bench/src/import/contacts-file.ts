import { ACCOUNTS, CONTACTS, contactAddress } from '../lookup/data-set.js';

/** The share of rows naming a contact the data set holds already (updated: a new job title). */
const KNOWN_EVERY = 5;
/** The share of new people at a company the data set does not know (a new account, by name and domain). */
const NEW_COMPANY_EVERY = 10;

/**
 * A CSV of `rows` contacts with their companies, as another CRM would export them: one in five is a
 * contact the data set holds (matched by address and updated), the rest new people, most at companies
 * the data set knows (matched by domain), one in ten at a new company (made as an account).
 */
export function contactsFile(rows: number, run: string): string {
  const lines = ['Email,First Name,Last Name,Company,Company Domain,Job Title'];
  for (let row = 1; row <= rows; row += 1) {
    if (row % KNOWN_EVERY === 0) {
      const contact = ((row * 7919) % CONTACTS) + 1;
      lines.push(`${contactAddress(contact)},Known,Person ${contact},,,Imported title ${run}`);
    } else if (row % NEW_COMPANY_EVERY === 1) {
      const company = Math.ceil(row / 20);
      lines.push(
        `new${row}.${run}@newco${company}-${run}.example,New,Person ${row},New Company ${company} ${run},newco${company}-${run}.example,Buyer`,
      );
    } else {
      const account = (row % ACCOUNTS) + 1;
      lines.push(`import${row}.${run}@company${account}.example,Imported,Person ${row},,,Engineer`);
    }
  }
  return `${lines.join('\n')}\n`;
}
