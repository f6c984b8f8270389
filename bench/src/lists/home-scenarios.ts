import { BENCH_ADMIN_PASSWORD, benchUserEmail } from '../lookup/data-set.js';
import { benchUserId } from '../lookup/owners.js';
import { signIn, SignInRefused, type ApiSession } from '../support/api-session.js';
import type { Scenario } from './scenarios.js';

/** Owner 1 manages the first team; like every bench user, they own about a twentieth of the records. */
const MANAGER = 1;
const NEWCOMER_EMAIL = 'newcomer@bench-lookup.example';
/** The records the newcomer is handed when first made: few enough for per-record timeline probes. */
const NEWCOMER_CONTACTS = 3;

/** Sends `body` as JSON to `path` as the signed-in user, failing on any other status than `expected`. */
async function sendJson(
  api: ApiSession,
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  expected: number,
): Promise<unknown> {
  const answer = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { ...api.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (answer.status !== expected)
    throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

/** Signs in, or runs `firstRun` (which makes the sign-in possible) once and signs in then. */
async function signInOrPrepare(
  admin: ApiSession,
  email: string,
  firstRun: () => Promise<void>,
): Promise<ApiSession> {
  try {
    return await signIn(admin.baseUrl, email, BENCH_ADMIN_PASSWORD);
  } catch (error) {
    if (!(error instanceof SignInRefused && error.status === 401)) throw error;
  }
  await firstRun();
  return signIn(admin.baseUrl, email, BENCH_ADMIN_PASSWORD);
}

/** The first team's manager, given the admin's password through the API on the first run. */
const signInManager = (admin: ApiSession) =>
  signInOrPrepare(admin, benchUserEmail(MANAGER), async () => {
    const path = `/api/v1/users/${benchUserId(MANAGER)}`;
    const { version } = await admin.getJson<{ version: number }>(path);
    await sendJson(admin, 'PATCH', path, { version, password: BENCH_ADMIN_PASSWORD }, 200);
  });

/** A member made on the first run and handed a few contacts (with their mail) from other owners. */
const signInNewcomer = (admin: ApiSession) =>
  signInOrPrepare(admin, NEWCOMER_EMAIL, async () => {
    const user = (await sendJson(
      admin,
      'POST',
      '/api/v1/users',
      { email: NEWCOMER_EMAIL, name: 'Newcomer', role: 'member', password: BENCH_ADMIN_PASSWORD },
      201,
    )) as { id: string };
    const { items } = await admin.getJson<{ items: { id: string; version: number }[] }>(
      `/api/v1/lists/contacts?limit=${NEWCOMER_CONTACTS}`,
    );
    for (const { id, version } of items) {
      await sendJson(admin, 'PATCH', `/api/v1/contacts/${id}`, { version, ownerId: user.id }, 200);
    }
  });

const homePage = (name: string, scenario: Omit<Scenario, 'name' | 'paths'>): Scenario => ({
  name,
  ...scenario,
  paths: async (api) => {
    // Asked once before timing, so that a refusal stops the run plainly.
    await api.getJson('/api/v1/home');
    return ['/api/v1/home'];
  },
});

/** The console's home page (GET /api/v1/home) for people who own many records, few, and who oversee others. */
export const homeScenarios: Scenario[] = [
  homePage('home, member owning many records', { as: 'teamMember' }),
  homePage('home, member owning few records', { signIn: signInNewcomer }),
  homePage('home, manager', { signIn: signInManager }),
  homePage('home, admin', {}),
];
