import type { ManualClock } from '@inbox-crm/server';
import type { Notification, Task } from '@inbox-crm/shared';
import type { Client } from '../support/http.js';
import { describe, expect, it, test } from '../support/suite.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../support/time.js';

test.override('appOptions', { isolated: true, emailEnabled: true });
test.override('workerOptions', ({ smtp }) => ({ smtpUrl: smtp.url }));

const inFromNow = (clock: ManualClock, ms: number) => new Date(clock.now().getTime() + ms).toISOString();
const notificationsOf = async (client: Client) =>
  (await client.get('/api/v1/notifications')).body.items as Notification[];

describe('tasks', () => {
  it("when a task is created without a zone, then it takes its creator's; an unknown zone is refused", async ({
    testApp,
    rep,
  }) => {
    await rep.client.patch('/api/v1/auth/me', { timeZone: 'Europe/Berlin' });
    const task = await rep.client.post('/api/v1/tasks', {
      title: 'Call Priya',
      dueAt: inFromNow(testApp.clock, DAY_MS),
    });
    expect(task.body).toMatchObject({
      timeZone: 'Europe/Berlin',
      reminderMinutes: null,
      assigneeId: rep.user.id,
    });
    const wrong = await rep.client.post('/api/v1/tasks', { title: 'x', timeZone: 'Mars/Olympus_Mons' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('Mars/Olympus_Mons');
    expect((await rep.client.patch('/api/v1/auth/me', { timeZone: 'Atlantis/Capital' })).status).toBe(400);
  });

  it('lists my open tasks overdue first, then by due time, undated last; complete and reopen move them', async ({
    org,
    rep,
  }) => {
    const later = await rep.client.post('/api/v1/tasks', {
      title: 'Later',
      dueAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
    });
    await rep.client.post('/api/v1/tasks', { title: 'Undated' });
    const overdue = await rep.client.post('/api/v1/tasks', {
      title: 'Overdue',
      dueAt: new Date(Date.now() - DAY_MS).toISOString(),
    });
    await org.admin.post('/api/v1/tasks', {
      title: 'Not mine',
      dueAt: new Date(Date.now() - DAY_MS).toISOString(),
    });

    const mine = (await rep.client.get('/api/v1/tasks/mine')).body.items as Task[];
    expect(mine.map((task) => [task.title, task.overdue])).toEqual([
      ['Overdue', true],
      ['Later', false],
      ['Undated', false],
    ]);
    const completed = await rep.client.post(`/api/v1/tasks/${overdue.body.id}/complete`);
    expect(completed.body).toMatchObject({ done: true, overdue: false, completedAt: expect.any(String) });
    expect((await rep.client.post(`/api/v1/tasks/${overdue.body.id}/complete`)).body.completedAt).toBe(
      completed.body.completedAt,
    );
    expect(
      ((await rep.client.get('/api/v1/tasks/mine')).body.items as Task[]).map((task) => task.title),
    ).toEqual(['Later', 'Undated']);
    expect(
      ((await rep.client.get('/api/v1/tasks/mine?done=true')).body.items as Task[]).map((task) => task.title),
    ).toEqual(['Overdue']);
    const reopened = await rep.client.post(`/api/v1/tasks/${overdue.body.id}/reopen`);
    expect(reopened.body).toMatchObject({ done: false, completedAt: null });
    expect(later.status).toBe(201);
  });

  it("lists the team's tasks for everyone in the team, and tells someone without a team why not", async ({
    org,
    rep,
  }) => {
    const team = await org.admin.post('/api/v1/teams', { name: 'Inside sales' });
    const alice = await org.addUser('member', { teamId: team.body.id, name: 'Alice' });
    const bob = await org.addUser('manager', { teamId: team.body.id, name: 'Bob' });
    await alice.client.post('/api/v1/tasks', {
      title: 'Alice task',
      dueAt: new Date(Date.now() + HOUR_MS).toISOString(),
    });
    await bob.client.post('/api/v1/tasks', {
      title: 'Bob task',
      dueAt: new Date(Date.now() - HOUR_MS).toISOString(),
    });
    await rep.client.post('/api/v1/tasks', { title: 'Outsider task' });

    const teamTasks = (await alice.client.get('/api/v1/tasks/team')).body.items as Task[];
    expect(teamTasks.map((task) => task.title)).toEqual(['Bob task', 'Alice task']);
    const noTeam = await rep.client.get('/api/v1/tasks/team');
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.error).toBe('no_team');
  });
});

describe('task reminders', () => {
  it('when a task has a reminder offset, then its assignee is reminded that long before, in the app and by email, once', async ({
    testApp,
    rep,
    scheduler,
    smtp,
  }) => {
    await rep.client.patch('/api/v1/auth/me', { timeZone: 'America/New_York' });
    const dueAt = inFromNow(testApp.clock, 2 * HOUR_MS);
    const task = await rep.client.post('/api/v1/tasks', {
      title: 'Renewal call with Priya',
      dueAt,
      reminderMinutes: 30,
    });
    expect(task.status).toBe(201);
    const sentBefore = smtp.messages.length;

    scheduler.clock.advance(90 * MINUTE_MS - MINUTE_MS);
    await scheduler.worker.drain();
    expect(await notificationsOf(rep.client)).toEqual([]);

    scheduler.clock.advance(2 * MINUTE_MS);
    await scheduler.worker.drain();
    await scheduler.worker.drain();
    const [notice] = await notificationsOf(rep.client);
    expect(notice).toMatchObject({
      kind: 'task_reminder',
      title: 'Reminder: Renewal call with Priya',
      taskId: task.body.id,
    });
    expect(notice!.body).toMatch(/^Due \w{3} \d+ \w{3} \d{4}, \d\d:\d\d \((EST|EDT)\)\.$/);
    const emails = smtp.messages.slice(sentBefore);
    expect(emails.map((email) => [email.to, email.subject])).toEqual([
      [
        expect.objectContaining({ value: [expect.objectContaining({ address: rep.user.email })] }),
        'Reminder: Renewal call with Priya',
      ],
    ]);

    scheduler.clock.advance(DAY_MS);
    await scheduler.worker.drain();
    expect(await notificationsOf(rep.client)).toHaveLength(1);
  });

  it('when the due time moves, then the reminder moves with it; when the task is done, then none comes', async ({
    testApp,
    rep,
    scheduler,
  }) => {
    const moved = await rep.client.post('/api/v1/tasks', {
      title: 'Moved',
      dueAt: inFromNow(testApp.clock, HOUR_MS),
      reminderMinutes: 10,
    });
    await rep.client.patch(`/api/v1/tasks/${moved.body.id}`, {
      version: moved.body.version,
      dueAt: inFromNow(testApp.clock, 5 * HOUR_MS),
    });
    const finished = await rep.client.post('/api/v1/tasks', {
      title: 'Finished',
      dueAt: inFromNow(testApp.clock, HOUR_MS),
      reminderMinutes: 10,
    });
    await rep.client.post(`/api/v1/tasks/${finished.body.id}/complete`);

    scheduler.clock.advance(2 * HOUR_MS);
    await scheduler.worker.drain();
    expect(await notificationsOf(rep.client)).toEqual([]);
    scheduler.clock.advance(3 * HOUR_MS);
    await scheduler.worker.drain();
    expect((await notificationsOf(rep.client)).map((notice) => notice.title)).toEqual(['Reminder: Moved']);
  });
});

describe('notifications', () => {
  it('counts unread, marks one read, and marks all read up to the newest shown, for their owner only', async ({
    testApp,
    org,
    rep,
    scheduler,
  }) => {
    for (const title of ['First', 'Second', 'Third']) {
      await rep.client.post('/api/v1/tasks', {
        title,
        dueAt: inFromNow(testApp.clock, HOUR_MS),
        reminderMinutes: 5,
      });
    }
    scheduler.clock.advance(HOUR_MS);
    await scheduler.worker.drain();
    const unread = async () =>
      (await rep.client.get('/api/v1/notifications/unread-count')).body.unread as number;
    expect(await unread()).toBe(3);
    const [newest, middle, oldest] = await notificationsOf(rep.client);
    expect((await org.admin.post(`/api/v1/notifications/${oldest!.id}/read`)).status).toBe(404);
    const read = await rep.client.post(`/api/v1/notifications/${oldest!.id}/read`);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect(await unread()).toBe(2);
    expect(
      ((await rep.client.get('/api/v1/notifications?unread=true')).body.items as Notification[]).map(
        (n) => n.id,
      ),
    ).toEqual([newest!.id, middle!.id]);

    expect((await rep.client.post('/api/v1/notifications/read-all', { upTo: middle!.id })).status).toBe(204);
    expect(await unread()).toBe(1);
    await rep.client.post('/api/v1/notifications/read-all', { upTo: newest!.id });
    expect(await unread()).toBe(0);
    expect((await org.admin.get('/api/v1/notifications')).body.items).toEqual([]);
  });
});
