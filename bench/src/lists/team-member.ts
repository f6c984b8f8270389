import { BENCH_ADMIN_PASSWORD, benchUserEmail, teamOfBenchUser } from '../lookup/data-set.js';
import { benchUserId } from '../lookup/owners.js';
import { signIn, SignInRefused, type ApiSession } from '../support/api-session.js';

/** The member who loads their team's board: owner 2, a member (not the manager) of the first team. */
export const TEAM_MEMBER = 2;

/** Sends `body` as JSON to `path` as the signed-in user, failing on any other status than 200. */
async function patchJson(api: ApiSession, path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${api.baseUrl}${path}`, {
    method: 'PATCH',
    headers: { ...api.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (answer.status !== 200) throw new Error(`PATCH ${path}: ${answer.status} ${await answer.text()}`);
}

/**
 * Signs in as a member of a team, for `owner=team`. The data set's users are invited without a
 * password; the first run has the admin give this one the admin's password through the API (as an
 * admin would), and later runs find it set, so it changes nothing then.
 */
export async function signInTeamMember(admin: ApiSession): Promise<ApiSession> {
  if (teamOfBenchUser(TEAM_MEMBER) === null) throw new Error(`owner ${TEAM_MEMBER} is in no team`);
  return signInBenchUser(admin, TEAM_MEMBER);
}

/** Signs in as the data set's user `user` (see signInTeamMember for how they get a password). */
export async function signInBenchUser(admin: ApiSession, user: number): Promise<ApiSession> {
  const email = benchUserEmail(user);
  try {
    return await signIn(admin.baseUrl, email, BENCH_ADMIN_PASSWORD);
  } catch (error) {
    if (!(error instanceof SignInRefused && error.status === 401)) throw error;
  }
  const path = `/api/v1/users/${benchUserId(user)}`;
  const { version } = await admin.getJson<{ version: number }>(path);
  await patchJson(admin, path, { version, password: BENCH_ADMIN_PASSWORD });
  console.log(`  gave ${email} a password, to sign in as them`);
  return signIn(admin.baseUrl, email, BENCH_ADMIN_PASSWORD);
}
