import type { SupportMailbox } from '@inbox-crm/shared';
import { createTestOrganisation } from '../support/organisation.js';
import { describe, expect, it, test } from '../support/suite.js';

// As a server that serves organisations over the internet: mailboxes sign in with TLS.
test.override('appOptions', { mailboxAllowPrivate: false });

const settings = {
  name: 'Help desk',
  address: 'Help@OurCo.example',
  host: 'imap.ourco.example',
  port: 993,
  security: 'tls',
  username: 'help@ourco.example',
  authMethod: 'password',
  secret: 'a-very-secret-password',
};

describe('support mailbox settings', () => {
  it('when an admin connects a mailbox, then it is kept without ever showing its password, and only admins of its organisation see it', async ({
    testApp,
    org,
    rep,
  }) => {
    const created = await org.admin.post('/api/v1/support-mailboxes', settings);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mailbox = created.body as SupportMailbox;
    expect(mailbox).toMatchObject({
      address: 'help@ourco.example',
      folder: 'INBOX',
      afterReading: 'mark_seen',
      moveToFolder: null,
      enabled: true,
      readExisting: false,
      status: 'waiting',
      lastError: null,
    });
    const listed = await org.admin.get('/api/v1/support-mailboxes');
    for (const body of [created.body, listed.body]) {
      expect(JSON.stringify(body)).not.toContain('a-very-secret-password');
      expect(JSON.stringify(body)).not.toContain('sealed');
    }
    const row = await testApp.database.knex('support_mailboxes').where({ id: mailbox.id }).first();
    expect(JSON.stringify(row)).not.toContain('a-very-secret-password');
    const audit = await testApp.database.knex('audit_log').where({ entity_id: mailbox.id });
    expect(JSON.stringify(audit)).not.toContain('a-very-secret-password');

    expect((await rep.client.get('/api/v1/support-mailboxes')).status).toBe(403);
    expect((await rep.client.post('/api/v1/support-mailboxes', settings)).status).toBe(403);
    const other = await createTestOrganisation(testApp);
    expect((await other.admin.get(`/api/v1/support-mailboxes/${mailbox.id}`)).status).toBe(404);
    expect(
      (await other.admin.patch(`/api/v1/support-mailboxes/${mailbox.id}`, { version: 1, enabled: false }))
        .status,
    ).toBe(404);
    expect((await other.admin.get('/api/v1/support-mailboxes')).body.items).toEqual([]);
  });

  it('when settings are wrong, then the answer says which and nothing is kept', async ({ org }) => {
    const refusals = [
      [{ ...settings, port: 70000 }, 400, 'validation_failed'],
      [{ ...settings, security: 'ssl3' }, 400, 'validation_failed'],
      [{ ...settings, afterReading: 'delete' }, 400, 'validation_failed'],
      [{ ...settings, afterReading: 'move' }, 400, 'validation_failed'],
      [{ ...settings, afterReading: 'move', moveToFolder: 'INBOX' }, 400, 'validation_failed'],
      [{ ...settings, secret: '' }, 400, 'validation_failed'],
      [{ ...settings, security: 'none', port: 143 }, 400, 'validation_failed'],
      [{ ...settings, username: 'help\u0007@ourco.example' }, 400, 'validation_failed'],
      [{ ...settings, teamId: '0190a0c4-0000-7000-8000-000000000000' }, 422, 'invalid_reference'],
    ] as const;
    for (const [body, status, error] of refusals) {
      const reply = await org.admin.post('/api/v1/support-mailboxes', body);
      expect(reply.status, JSON.stringify(body)).toBe(status);
      expect(reply.body.error).toBe(error);
    }
    expect((await org.admin.get('/api/v1/support-mailboxes')).body.items).toEqual([]);
  });

  it('when a mailbox is changed, then a stale version is refused, a move needs a folder, and a new server needs the password again', async ({
    testApp,
    org,
  }) => {
    const mailbox = (await org.admin.post('/api/v1/support-mailboxes', settings)).body as SupportMailbox;
    const moved = await org.admin.patch(`/api/v1/support-mailboxes/${mailbox.id}`, {
      version: mailbox.version,
      afterReading: 'move',
      moveToFolder: 'Filed',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ afterReading: 'move', moveToFolder: 'Filed', version: 2 });
    const stale = await org.admin.patch(`/api/v1/support-mailboxes/${mailbox.id}`, {
      version: mailbox.version,
      name: 'Old',
    });
    expect(stale.status).toBe(409);
    // The saved password goes only where it went: sending it elsewhere needs it again.
    const elsewhere = await org.admin.patch(`/api/v1/support-mailboxes/${mailbox.id}`, {
      version: 2,
      host: 'imap.attacker.example',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toMatch(/password or token again/);
    await testApp.database
      .knex('support_mailboxes')
      .where({ id: mailbox.id })
      .update({ uid_validity: 77, last_uid: 1234 });
    const moved2 = await org.admin.patch(`/api/v1/support-mailboxes/${mailbox.id}`, {
      version: 2,
      host: 'imap2.ourco.example',
      secret: 'the-password-again',
    });
    expect(moved2.status).toBe(200);
    // Another server is another mailbox: reading starts afresh there.
    const position = (await testApp.database
      .knex('support_mailboxes')
      .where({ id: mailbox.id })
      .first('uid_validity', 'last_uid')) as { uid_validity: unknown; last_uid: unknown };
    expect([position.uid_validity, Number(position.last_uid)]).toEqual([null, 0]);
    const removed = await org.admin.delete(`/api/v1/support-mailboxes/${mailbox.id}`);
    expect(removed.status).toBe(204);
    expect((await org.admin.get(`/api/v1/support-mailboxes/${mailbox.id}`)).status).toBe(404);
  });

  it('when an organisation has its fill of mailboxes, then one more is refused', async ({ org }) => {
    for (let index = 0; index < 20; index += 1) {
      const reply = await org.admin.post('/api/v1/support-mailboxes', {
        ...settings,
        address: `help${index}@ourco.example`,
      });
      expect(reply.status).toBe(201);
    }
    const more = await org.admin.post('/api/v1/support-mailboxes', {
      ...settings,
      address: 'help99@ourco.example',
    });
    expect(more.status).toBe(422);
    expect(more.body.error).toBe('too_many_mailboxes');
  });
});
