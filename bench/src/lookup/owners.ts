import type pg from 'pg';
import { BENCH_TEAMS, BENCH_USERS, benchUserEmail, managerOfBenchUser, teamOfBenchUser } from './data-set.js';

// Who owns the data set's records: the admin and BENCH_USERS users (some in teams), each row's
// owner picked by a hash of its id, so a fresh load and an update of an older data set agree.

/** A deterministic UUID for generated user or team n, in the style of load-data.ts's row ids. */
const generatedId = (kind: '8' | '9', n: number) =>
  `${kind}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const teamId = (team: number) => generatedId('8', team);
export const benchUserId = (user: number) => generatedId('9', user);

/** The owners, admin first, as the uuid[] that `ownerOf` indexes (bound as `:owners`). */
export const ownerIds = (adminId: string) => [
  adminId,
  ...Array.from({ length: BENCH_USERS }, (_, i) => benchUserId(i + 1)),
];

/** A number in [0, modulus) from a hash of `text`: an even spread that needs no row number. */
const hashed = (text: string, modulus: number) => `((hashtext(${text})::bigint + 2147483648) % ${modulus})`;

/** The owner of the row whose id is `idSql`: one of `:owners`, spread evenly. */
export const ownerOf = (idSql: string) =>
  `(:owners::uuid[])[1 + ${hashed(`(${idSql})::text`, BENCH_USERS + 1)}]`;

/** An opportunity's close date: a day within a year either side of today. */
export const closeDateOf = (idSql: string) =>
  `current_date + ${hashed(`'close ' || (${idSql})::text`, 731)}::integer - 365`;

/** Adds the teams and users the records are spread over; does nothing for those already there. */
export async function createBenchUsers(client: pg.Client, orgId: string): Promise<void> {
  for (const [index, name] of BENCH_TEAMS.entries()) {
    await client.query('INSERT INTO teams (org_id, id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      orgId,
      teamId(index + 1),
      `Team ${name}`,
    ]);
  }
  for (let user = 1; user <= BENCH_USERS; user += 1) {
    const team = teamOfBenchUser(user);
    // A manager is inserted before the members who name them.
    const manager = managerOfBenchUser(user);
    // Invited users without a password: real members of the organisation who never sign in here.
    await client.query(
      `INSERT INTO users (org_id, id, email, name, role, team_id, manager_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING`,
      [
        orgId,
        benchUserId(user),
        benchUserEmail(user),
        `Owner ${user}`,
        manager === user ? 'manager' : 'member',
        team === null ? null : teamId(team),
        manager === null || manager === user ? null : benchUserId(manager),
      ],
    );
  }
}
