import { DAY_MS, MINUTE_MS } from '../support/time.js';
import { createOpportunity } from '../support/fixtures.js';
import { describe, expect, it, test } from '../support/suite.js';

test.override('appOptions', { isolated: true, emailEnabled: true });
test.override('workerOptions', ({ smtp }) => ({ smtpUrl: smtp.url }));

describe('an email reminder to the sales manager three days after a contract is delivered', () => {
  it('when a rep moves a deal to "Contract sent", then three days later (and not before) the rep\'s manager gets one email and one notification', async ({
    org,
    scheduler,
    smtp,
  }) => {
    const { user: manager, client: managerClient } = await org.addUser('manager', { name: 'Maria Manager' });
    const { user: rep, client: repClient } = await org.addUser('member', { name: 'Ravi Rep' });
    expect(
      (await org.admin.patch(`/api/v1/users/${rep.id}`, { version: rep.version, managerId: manager.id }))
        .status,
    ).toBe(200);
    const stage = await org.admin.post('/api/v1/pipeline-stages', {
      name: 'Contract sent',
      position: 45,
      kind: 'open',
      probability: 80,
    });
    expect(stage.status, JSON.stringify(stage.body)).toBe(201);
    const rule = await org.admin.post('/api/v1/workflow-rules', {
      name: 'Follow up three days after the contract goes out',
      recordType: 'opportunity',
      trigger: { type: 'field_changed', field: 'stage', to: 'Contract sent' },
      actions: [
        {
          type: 'send_reminder',
          to: { type: 'owner_manager' },
          after: { amount: 3, unit: 'days' },
          message: 'The contract went out three days ago: check it has been signed',
          email: true,
        },
      ],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);

    const stages = (await repClient.get('/api/v1/pipeline-stages')).body.items as {
      id: string;
      name: string;
    }[];
    const proposal = stages.find((candidate) => candidate.name === 'Proposal')!;
    const deal = await createOpportunity(repClient, {
      name: 'Northwind renewal 2027',
      stageId: proposal.id,
      ownerId: rep.id,
    });
    const moved = await repClient.patch(`/api/v1/opportunities/${deal.id}`, {
      version: deal.version,
      stageId: stage.body.id,
    });
    expect(moved.status).toBe(200);

    await scheduler.worker.drain();
    scheduler.clock.advance(3 * DAY_MS - MINUTE_MS);
    await scheduler.worker.drain();
    expect(smtp.messages).toHaveLength(0);
    expect((await managerClient.get('/api/v1/notifications/unread-count')).body.unread).toBe(0);

    scheduler.clock.advance(2 * MINUTE_MS);
    await scheduler.worker.drain();
    await scheduler.worker.drain();
    expect(smtp.messages).toHaveLength(1);
    const [email] = smtp.messages;
    expect(email!.to).toMatchObject({ value: [{ address: manager.email }] });
    expect(email!.subject).toContain('check it has been signed');
    expect(email!.subject).toContain('Northwind renewal 2027');
    expect(email!.text).toContain(`/app/opportunities/${deal.id}`);

    const delivery = (await org.admin.get('/api/v1/deliveries?status=delivered')).body.items as {
      id: string;
      recipient: string;
    }[];
    expect(delivery).toEqual([expect.objectContaining({ recipient: manager.email })]);
    expect(email!.messageId).toBe(`<${delivery[0]!.id}@localhost>`);
    expect(email!.headers.get('x-inboxcrm-delivery')).toBe(delivery[0]!.id);

    const inbox = (await managerClient.get('/api/v1/notifications')).body.items;
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'workflow_reminder',
        record: { type: 'opportunity', id: deal.id },
        readAt: null,
      }),
    ]);
    expect((await repClient.get('/api/v1/notifications/unread-count')).body.unread).toBe(0);

    scheduler.clock.advance(7 * DAY_MS);
    await scheduler.worker.drain();
    expect(smtp.messages).toHaveLength(1);
  });
});
