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

/** Contact n (1-based) works for account ((n - 1) mod ACCOUNTS) + 1. */
export const accountOfContact = (contact: number) => ((contact - 1) % ACCOUNTS) + 1;
export const contactAddress = (contact: number) =>
  `person${contact}@company${accountOfContact(contact)}.example`;
