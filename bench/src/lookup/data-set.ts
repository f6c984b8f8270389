/** The size of the benchmark's data set, and how its generated rows are named. */
export const ACCOUNTS = 100_000;
export const CONTACTS = 1_000_000;
export const ACTIVITIES = 3_000_000;
export const OPPORTUNITIES = 200_000;
export const CASES = 100_000;
export const TASKS = 200_000;

export const BENCH_ORG_NAME = 'Lookup benchmark (1M contacts)';
export const BENCH_ADMIN_EMAIL = 'admin@bench-lookup.example';
export const BENCH_ADMIN_PASSWORD = 'benchmark password';

/** Records are owned by the admin and this many more users (activities stay the admin's). */
export const BENCH_USERS = 19;
export const benchUserEmail = (user: number) => `owner${user}@bench-lookup.example`;
/** Users 1–7 are the first team and 8–14 the second, each managed by its first user; the rest are in none. */
export const BENCH_TEAMS = ['North', 'South'] as const;
const TEAM_SIZE = 7;
export const teamOfBenchUser = (user: number): number | null =>
  user <= BENCH_TEAMS.length * TEAM_SIZE ? Math.ceil(user / TEAM_SIZE) : null;
export function managerOfBenchUser(user: number): number | null {
  const team = teamOfBenchUser(user);
  return team === null ? null : (team - 1) * TEAM_SIZE + 1;
}

/** Contact n (1-based) works for account ((n - 1) mod ACCOUNTS) + 1. */
export const accountOfContact = (contact: number) => ((contact - 1) % ACCOUNTS) + 1;
/** Account n's id, as load-data.ts makes it in SQL (kind digit `a`, n in hex). */
export const accountId = (account: number) =>
  `a0000000-0000-4000-8000-${account.toString(16).padStart(12, '0')}`;
/** Contact n's id, as load-data.ts makes it in SQL (kind digit `c`, n in hex). */
export const contactId = (contact: number) =>
  `c0000000-0000-4000-8000-${contact.toString(16).padStart(12, '0')}`;
export const contactAddress = (contact: number) =>
  `person${contact}@company${accountOfContact(contact)}.example`;

/** The contact behind the n-th sender looked up (whose account the pane then summarises). */
export const senderContact = (n: number) => ((n * 7919) % CONTACTS) + 1;

/** The n-th sender looked up: mostly known contacts, some unknown people at known companies, some strangers. */
export function senderAddress(n: number): string {
  const contact = senderContact(n);
  if (n % 10 === 3) return `someone.new${n}@company${(contact % ACCOUNTS) + 1}.example`;
  if (n % 10 === 7) return `stranger${n}@unknown${n}.example`;
  return contactAddress(contact);
}
