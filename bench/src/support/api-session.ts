/** A signed-in user of a server under test. */
export interface ApiSession {
  baseUrl: string;
  /** The bearer header every authorised request carries. */
  headers: Record<string, string>;
  /** GETs `path` (e.g. `/api/v1/lists/contacts`) and returns its JSON, failing on any other status than 200. */
  getJson<T>(path: string): Promise<T>;
}

/** A sign-in the server refused, with its status (401 for a wrong address or password). */
export class SignInRefused extends Error {
  constructor(
    readonly status: number,
    answer: string,
  ) {
    super(`sign-in failed: ${status} ${answer}`);
  }
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const reply = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!reply.ok) throw new SignInRefused(reply.status, await reply.text());
  const { accessToken } = (await reply.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  return {
    baseUrl,
    headers,
    async getJson<T>(path: string) {
      const answer = await fetch(`${baseUrl}${path}`, { headers });
      if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    },
  };
}
