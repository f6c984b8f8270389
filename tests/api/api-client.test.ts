import { createServer, type AddressInfo } from 'node:net';
import {
  ApiError,
  createApiClient,
  memorySessionStore,
  type ApiClient,
  type SessionStore,
} from '@inbox-crm/shared';
import { createAccount, createContact, emailToFile, uniqueMessageId } from '../support/fixtures.js';
import { TEST_PASSWORD } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';

/** A port that nothing listens on: taken from the system, then let go. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A client whose fetch counts the calls to each path. */
function countingClient(
  baseUrl: string,
  store: SessionStore = memorySessionStore(),
  onSignedOut?: (reason: ApiError) => void,
) {
  const calls: string[] = [];
  const client: ApiClient = createApiClient({
    baseUrl,
    store,
    ...(onSignedOut ? { onSignedOut } : {}),
    fetch: (input, init) => {
      calls.push(new URL(input instanceof Request ? input.url : input).pathname);
      return fetch(input, init);
    },
  });
  return { client, calls, store };
}

describe('the typed API client', () => {
  it('signs in, asks who a sender is, files the message once and unfiles it, over HTTP', async ({
    org,
    baseUrl,
  }) => {
    const account = await createAccount(org.admin, { name: 'Client Co', domains: ['client-co.example'] });
    const contact = await createContact(org.admin, {
      firstName: 'Cleo',
      lastName: 'Client',
      accountId: account.id,
      emails: ['cleo@client-co.example'],
    });
    const { client } = countingClient(baseUrl);
    const user = await client.signIn(org.adminUser.email, TEST_PASSWORD);
    expect(user.id).toBe(org.adminUser.id);

    const messageId = uniqueMessageId();
    const view = await client.lookup({
      email: ['cleo@client-co.example', 'someone@client-co.example'],
      messageId,
    });
    expect(view).toMatchObject({ match: 'contact', contact: { id: contact.id }, filing: { filed: false } });
    expect(view.others).toEqual([
      expect.objectContaining({ match: 'account', address: 'someone@client-co.example' }),
    ]);

    const links = [
      { type: 'contact' as const, id: contact.id },
      { type: 'account' as const, id: account.id },
    ];
    const first = await client.fileEmail(emailToFile({ messageId, links }));
    const again = await client.fileEmail(emailToFile({ messageId, links }));
    expect([first.created, again.created]).toEqual([true, false]);
    const unfiled = await client.unfileEmail(first.email.id, { type: 'account', id: account.id });
    expect(unfiled.links.map((link) => link.type)).toEqual(['contact']);
    expect((await client.search('clie')).items.map((hit) => hit.id)).toEqual(
      expect.arrayContaining([account.id, contact.id]),
    );
  });

  it('renews an access token the server refuses, once, even for calls that fail together', async ({
    org,
    baseUrl,
  }) => {
    const { client, calls, store } = countingClient(baseUrl);
    await client.signIn(org.adminUser.email, TEST_PASSWORD);
    const session = store.load()!;
    store.save({ ...session, accessToken: 'not-a-token-any-more' });
    const [me, stages] = await Promise.all([client.me(), client.pipelineStages()]);
    expect(me.id).toBe(org.adminUser.id);
    expect(stages).toHaveLength(6);
    expect(calls.filter((path) => path.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(store.load()!.refreshToken).not.toBe(session.refreshToken);
  });

  it('when two pages sharing one session renew together, then one refresh reaches the server and both stay signed in', async ({
    org,
    baseUrl,
  }) => {
    // Two tabs of one browser: one store (localStorage) and one lock (Web Locks) between them.
    let queue: Promise<unknown> = Promise.resolve();
    const renewalLock = <T>(renew: () => Promise<T>): Promise<T> => {
      const turn = queue.then(renew);
      queue = turn.catch(() => undefined);
      return turn;
    };
    const store = memorySessionStore();
    const calls: string[] = [];
    const page = () =>
      createApiClient({
        baseUrl,
        store,
        renewalLock,
        fetch: (input, init) => {
          calls.push(new URL(input instanceof Request ? input.url : input).pathname);
          return fetch(input, init);
        },
      });
    const [first, second] = [page(), page()];
    await first.signIn(org.adminUser.email, TEST_PASSWORD);
    store.save({ ...store.load()!, accessToken: 'expired.in.both.tabs' });
    const [a, b] = await Promise.all([first.me(), second.me()]);
    expect([a.id, b.id]).toEqual([org.adminUser.id, org.adminUser.id]);
    expect(calls.filter((path) => path.endsWith('/auth/refresh'))).toHaveLength(1);
    // The renewed session is still alive on the server: nothing looked like a stolen refresh token.
    expect((await second.me()).id).toBe(org.adminUser.id);
    expect(
      await org.anonymous.post('/api/v1/auth/refresh', { refreshToken: store.load()!.refreshToken }),
    ).toMatchObject({
      status: 200,
    });
  });

  it('when a sibling tab renews first and its save reaches this tab late, then this tab takes that session and stays signed in', async ({
    org,
    baseUrl,
  }) => {
    // One localStorage seen from two tabs: the second tab sees a save 300 ms after it happens.
    const shared = memorySessionStore();
    let savedAt = 0;
    let previous: ReturnType<typeof shared.load> = null;
    const firstTab: SessionStore = {
      load: () => shared.load(),
      save: (session) => {
        previous = shared.load();
        savedAt = Date.now();
        shared.save(session);
      },
      clear: () => shared.clear(),
    };
    const secondTab: SessionStore = {
      load: () => (Date.now() - savedAt < 300 ? previous : shared.load()),
      save: (session) => firstTab.save(session),
      clear: () => shared.clear(),
    };
    const noLock = <T>(renew: () => Promise<T>) => renew();
    const first = createApiClient({ baseUrl, store: firstTab, renewalLock: noLock });
    const second = createApiClient({ baseUrl, store: secondTab, renewalLock: noLock });
    await first.signIn(org.adminUser.email, TEST_PASSWORD);
    firstTab.save({ ...firstTab.load()!, accessToken: 'expired.in.both.tabs' });
    savedAt = 0;
    await first.me();
    const [again, late] = await Promise.all([first.me(), second.me()]);
    expect([again.id, late.id]).toEqual([org.adminUser.id, org.adminUser.id]);
    expect(first.isSignedIn() && second.isSignedIn()).toBe(true);
    expect((await second.me()).id).toBe(org.adminUser.id);
  });

  it('signs out when the session cannot be renewed, and says so', async ({ org, baseUrl }) => {
    const signedOut: ApiError[] = [];
    const { client, store } = countingClient(baseUrl, memorySessionStore(), (reason) =>
      signedOut.push(reason),
    );
    await client.signIn(org.adminUser.email, TEST_PASSWORD);
    const session = store.load()!;
    await org.anonymous.post('/api/v1/auth/logout', { refreshToken: session.refreshToken });
    store.save({ ...session, accessToken: 'expired' });
    const failure = await client.me().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).needsSignIn).toBe(true);
    expect(store.load()).toBeNull();
    expect(signedOut).toHaveLength(1);
    expect(client.isSignedIn()).toBe(false);
  });

  it('lets a refusal that arrives late for an ended session leave the session signed in since alone', async ({
    org,
    baseUrl,
  }) => {
    const signedIn = async () => {
      const store = memorySessionStore();
      await createApiClient({ baseUrl, store }).signIn(org.adminUser.email, TEST_PASSWORD);
      return store.load()!;
    };
    const ended = await signedIn();
    await createApiClient({ baseUrl, store: memorySessionStore(ended) }).signOut();

    let answerLate = () => {};
    const store = memorySessionStore({ ...ended, accessToken: 'dead.token.value' });
    const client = createApiClient({
      baseUrl,
      store,
      // The call made with the dead token is held back until the test lets it through.
      fetch: async (input, init) => {
        if (new Headers(init?.headers).get('authorization') === 'Bearer dead.token.value') {
          await new Promise<void>((resolve) => (answerLate = resolve));
        }
        return fetch(input, init);
      },
    });
    const late = client.me();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = await signedIn();
    store.save(fresh);
    answerLate();

    expect((await late).id).toBe(org.adminUser.id);
    expect(store.load()).toEqual(fresh);
  });

  it('turns answers the server refuses into errors with its code and sentence', async ({ org, baseUrl }) => {
    const { client } = countingClient(baseUrl);
    await client.signIn(org.adminUser.email, TEST_PASSWORD);
    const failure = (await client.lookup({}).catch((error: unknown) => error)) as ApiError;
    expect(failure).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Ask by email (repeatable) or phone.',
    });
    expect(failure.retryable).toBe(false);
    const wrongPassword = (await client
      .signIn(org.adminUser.email, 'nope')
      .catch((error: unknown) => error)) as ApiError;
    expect(wrongPassword).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });

  it('says plainly when the server cannot be reached, as something worth retrying', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}`;
    const client = createApiClient({ baseUrl: closed, store: memorySessionStore() });
    const failure = (await client.signIn('a@b.example', 'x').catch((error: unknown) => error)) as ApiError;
    expect(failure).toMatchObject({ status: 0, code: 'server_unreachable' });
    expect(failure.retryable).toBe(true);
    expect(failure.message).toMatch(/cannot be reached/);
  });
});
