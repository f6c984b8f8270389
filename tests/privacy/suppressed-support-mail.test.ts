import type { SupportMailProblem } from '@inbox-crm/shared';
import { dovecotMissing } from '@inbox-crm/server/testing';
import { casesOnceThereAre, mailboxTest, rawMessage, readSupportMailbox } from '../support/service-desk.js';
import { describe, expect, test } from '../support/suite.js';

// Readers take every enabled mailbox in their database: a database of this file's own.
test.override('appOptions', { isolated: true });

const missing = dovecotMissing();
const it = mailboxTest('privacy', 2);

describe.skipIf(missing !== null)(
  `support mail from a suppressed address${missing ? ` (${missing})` : ''}`,
  () => {
    it('when someone who asked to be forgotten writes to support, then no case or contact is made and the ledger keeps neither their address nor their subject', async ({
      testApp,
      org,
      dovecot,
      imapUser,
    }) => {
      const suppressed = await org.admin.post('/api/v1/privacy/suppressions', {
        email: 'gone.person@forgotten-support.example',
      });
      expect(suppressed.status, JSON.stringify(suppressed.body)).toBe(201);
      const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
      await dovecot.append(
        imapUser,
        rawMessage({
          from: 'Gone Person <gone.person@forgotten-support.example>',
          subject: 'Gone Person again',
        }),
      );
      await dovecot.append(
        imapUser,
        rawMessage({ from: 'Still Here <still.here@forgotten-support.example>', subject: 'A real question' }),
      );
      const cases = await casesOnceThereAre(org.admin, 1);
      expect(cases.map((one) => one.subject)).toEqual(['A real question']);
      await expect
        .poll(async () => {
          const reply = await org.admin.get(`/api/v1/support-mailboxes/${mailbox.id}/problems`);
          return (reply.body.items as SupportMailProblem[]).map((problem) => [
            problem.outcome,
            problem.subject,
          ]);
        })
        .toEqual([['refused', null]]);
      const contacts = await org.admin.get('/api/v1/contacts?email=gone.person@forgotten-support.example');
      expect(contacts.body.items).toEqual([]);
      const ledger = await testApp.database
        .knex('support_mail_received')
        .where({ org_id: org.orgId, outcome: 'refused' })
        .select('from_email', 'subject', 'source', 'reason');
      expect(ledger).toEqual([
        {
          from_email: null,
          subject: null,
          source: null,
          reason: 'The sender asked to be forgotten, so their mail is not taken in.',
        },
      ]);
    });
  },
);
