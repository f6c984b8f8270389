import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient, Contact, Email } from '@inbox-crm/shared/client';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
let api: ApiClient;
let contact: Contact;
let email: Email;

// Records of this file's own: a company with a contact, an email and a call about them.
beforeAll(async () => {
  api = await apiAs(server.url, admin);
  const account = await api.createAccount({ name: 'Quillfeather Press', domains: ['quillfeather.example'] });
  contact = await api.createContact({
    firstName: 'Ines',
    lastName: 'Alvarez',
    title: 'Managing Editor',
    accountId: account.id,
    emails: ['ines@quillfeather.example'],
  });
  const links = [
    { type: 'contact' as const, id: contact.id },
    { type: 'account' as const, id: account.id },
  ];
  ({ email } = await api.fileEmail({
    messageId: `<console-${Date.now()}@quillfeather.example>`,
    subject: 'Print run for the spring catalogue',
    from: { email: 'ines@quillfeather.example', name: 'Ines Alvarez' },
    to: [{ email: server.adminEmail, name: 'Ada' }],
    sentAt: '2026-11-02T10:00:00.000Z',
    bodyText: 'We need 4,000 copies.',
    bodyHtml:
      '<p>We need <b>4,000</b> copies.</p><img src="https://tracker.example/pixel.gif"><script>alert(1)</script>',
    attachments: [{ name: 'catalogue.pdf', contentType: 'application/pdf', size: 204_800 }],
    source: 'outlook',
    links,
  }));
  await api.logActivity({
    type: 'call',
    subject: 'Agreed the paper stock',
    occurredAt: '2026-11-05T15:00:00.000Z',
    links,
  });
});

afterEach(closePane);

describe('the console', () => {
  it('when a name is searched, then the record opens with its fields and its whole correspondence', async () => {
    await openConsole(server.url, '/app/search', admin);
    await userEvent.type(
      await screen.findByRole('searchbox', { name: 'Search records and correspondence' }),
      'alvarez',
    );
    const results = await screen.findByRole('list', { name: 'Search results' });
    await userEvent.click(within(results).getByRole('link', { name: 'Ines Alvarez' }));

    expect(await screen.findByRole('heading', { name: 'Ines Alvarez' })).toBeTruthy();
    expect(window.location.pathname).toBe(`/app/contacts/${contact.id}`);
    expect(screen.getByText('Managing Editor')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Quillfeather Press' })).toBeTruthy();
    const history = await screen.findByRole('list', { name: 'History' });
    await waitFor(() =>
      expect(within(history).getByRole('link', { name: 'Print run for the spring catalogue' })).toBeTruthy(),
    );
    expect(within(history).getByText('Agreed the paper stock')).toBeTruthy();

    // A filter empties the list while it reloads: wait for what must be there, then check what must not.
    const shows = (text: string) => within(history).queryByText(text) !== null;
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Calls');
    await waitFor(() =>
      expect(shows('Agreed the paper stock') && !shows('Print run for the spring catalogue')).toBe(true),
    );
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Everything');
    await waitFor(() => expect(shows('Print run for the spring catalogue')).toBe(true));
    await userEvent.type(screen.getByLabelText('From'), '2026-11-04');
    await waitFor(() =>
      expect(shows('Agreed the paper stock') && !shows('Print run for the spring catalogue')).toBe(true),
    );
  });

  it('when an account is opened, then its contacts are listed with links to their pages', async () => {
    await openConsole(server.url, `/app/accounts/${contact.accountId}`, admin);
    expect(await screen.findByRole('heading', { name: 'Quillfeather Press' })).toBeTruthy();
    const contacts = await screen.findByRole('region', { name: 'Contacts (1)' });
    await userEvent.click(within(contacts).getByRole('link', { name: 'Ines Alvarez' }));
    expect(await screen.findByRole('heading', { name: 'Ines Alvarez' })).toBeTruthy();
    expect(window.location.pathname).toBe(`/app/contacts/${contact.id}`);
  });

  it('when a won deal, its account and a contact are opened, then stages and outcomes read as words and addresses are links', async () => {
    const won = (await api.pipelineStages()).find((stage) => stage.kind === 'won')!;
    const account = await api.createAccount({ name: 'Inkwell Mills', website: 'inkwell.example' });
    const deal = await api.createOpportunity({
      name: 'Paper for the autumn list',
      accountId: account.id,
      stageId: won.id,
      amountMinor: 1_250_000,
      currency: 'EUR',
    });

    await openConsole(server.url, `/app/accounts/${account.id}`, admin);
    expect((await screen.findByRole('link', { name: 'inkwell.example' })).getAttribute('href')).toBe(
      'https://inkwell.example',
    );
    const deals = await screen.findByRole('region', { name: 'Opportunities (1)' });
    expect(within(deals).getByText(`${won.name} · €12,500.00`)).toBeTruthy();
    closePane();

    await openConsole(server.url, `/app/opportunities/${deal.id}`, admin);
    expect(await screen.findByText(won.name)).toBeTruthy();
    expect(screen.queryByText(/\(won\)/)).toBeNull();
    closePane();

    await openConsole(server.url, `/app/contacts/${contact.id}`, admin);
    // happy-dom names the link with a space where the address may wrap (<wbr>); Chromium does not,
    // which the console's browser test checks.
    const address = await screen.findByRole('link', { name: /^ines@ ?quillfeather ?\.example$/ });
    expect(address.getAttribute('href')).toBe('mailto:ines@quillfeather.example');
  });

  it('when an email is opened, then its sanitized body shows in a sandboxed frame with its headers and records', async () => {
    await openConsole(server.url, `/app/emails/${email.id}`, admin);
    expect(await screen.findByRole('heading', { name: /Print run for the spring catalogue/ })).toBeTruthy();
    expect(screen.getByText('Ines Alvarez <ines@quillfeather.example>')).toBeTruthy();
    expect(screen.getByText('catalogue.pdf')).toBeTruthy();
    expect(screen.getByText('200 KB · name only, the file was not kept')).toBeTruthy();
    const filedTo = screen.getByRole('navigation', { name: 'Filed to' });
    expect(within(filedTo).getByRole('link', { name: 'Quillfeather Press' }).getAttribute('href')).toMatch(
      /^\/app\/accounts\//,
    );

    const frame = screen.getByTitle('Email body');
    expect(frame.getAttribute('sandbox')).toBe(
      'allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    );
    const source = frame.getAttribute('srcdoc')!;
    expect(source).toContain('<b>4,000</b>');
    expect(source).not.toContain('<script');
    // Remote images (tracking pixels) stay in the stored HTML; the frame's own policy never loads them.
    expect(source).toContain("default-src 'none'; img-src data:");
  });

  it('when a task is ticked in My tasks, then it is done and leaves the list', async () => {
    const task = await api.createTask({ title: 'Send Ines the paper samples', contactId: contact.id });
    await openConsole(server.url, '/app/tasks', admin);
    const list = await screen.findByRole('list', { name: 'Open tasks' });
    await userEvent.click(within(list).getByRole('checkbox', { name: 'Send Ines the paper samples' }));

    expect(await screen.findByText('“Send Ines the paper samples” is done.')).toBeTruthy();
    // The list is read again: the done task is no longer in it.
    await waitFor(() =>
      expect(screen.queryByRole('checkbox', { name: 'Send Ines the paper samples' })).toBeNull(),
    );
    expect(
      (await api.listTasks({ contactId: contact.id, done: true })).items.map((item) => item.id),
    ).toContain(task.id);
  });

  it('when an admin opens Filed mail, then everyone’s filings are listed with the records they are filed to', async () => {
    await openConsole(server.url, '/app/mail', admin);
    expect(await screen.findByRole('tab', { name: 'Everyone', selected: true })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Filed emails' });
    await waitFor(() =>
      expect(within(list).getByRole('link', { name: 'Print run for the spring catalogue' })).toBeTruthy(),
    );
  });

  it('when a member opens Filed mail, then only their own filings are offered', async () => {
    await openConsole(server.url, '/app/mail', { email: server.memberEmail, password: server.password });
    expect(await screen.findByRole('heading', { name: 'Filed mail' })).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('when an admin opens Deployment, then the manifests are offered for download with the steps for each add-in', async () => {
    await openConsole(server.url, '/app/', admin);
    await userEvent.click(await screen.findByRole('link', { name: 'Deployment' }));
    const outlook = await screen.findByRole('region', { name: 'Outlook' });
    expect(within(outlook).getByRole('link', { name: 'Outlook manifest (XML)' }).getAttribute('href')).toBe(
      '/manifests/outlook.xml',
    );
    expect(within(outlook).getByRole('link', { name: 'App package (zip)' }).getAttribute('href')).toBe(
      '/manifests/outlook-app.zip',
    );
    expect(within(outlook).getByText(/^[0-9a-f]{8}-[0-9a-f-]{27}$/)).toBeTruthy();
    const gmail = screen.getByRole('region', { name: 'Gmail' });
    expect(within(gmail).getByText('not set up')).toBeTruthy();
    expect(within(gmail).getByText(/gcloud workspace-add-ons deployments create/)).toBeTruthy();
  });

  it('when an admin demotes a manager after they signed in, then the console they open next offers no manager pages', async () => {
    const manager = await api.createUser({
      email: `demoted-${Date.now()}@${server.adminEmail.split('@')[1]}`,
      name: 'Dora Demoted',
      role: 'manager',
      password: server.password,
    });
    const credentials = { email: manager.email, password: server.password };
    await openConsole(server.url, '/app/', credentials);
    expect(await screen.findByRole('link', { name: 'Plans' })).toBeTruthy();
    closePane();

    await api.updateUser(manager.id, { version: manager.version, role: 'member' });
    await openConsole(server.url, '/app/', credentials);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Plans' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Tasks' })).toBeTruthy();
  });

  it('when a member opens the deployment page, then it is not offered and says they have no access', async () => {
    await openConsole(server.url, '/app/deployment', {
      email: server.memberEmail,
      password: server.password,
    });
    expect(await screen.findByText('No access')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Deployment' })).toBeNull();
  });

  it('when a link names no page, then the console says so and offers search', async () => {
    await openConsole(server.url, '/app/nowhere', admin);
    expect(await screen.findByText('There is no such page')).toBeTruthy();
  });
});
