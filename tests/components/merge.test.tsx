import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '@inbox-crm/shared/client';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
let api: ApiClient;
let colleague: ApiClient;
const WORD = `Merrow${Date.now().toString(36)}`;

beforeAll(async () => {
  api = await apiAs(server.url, admin);
  const email = `mia.${Date.now().toString(36)}@${server.domain}`;
  await api.createUser({ email, name: 'Mia Merger', role: 'member', password: server.password });
  colleague = await apiAs(server.url, { email, password: server.password });
});

afterEach(closePane);

// happy-dom marks a dialog hidden until a field inside is used (see record-forms.test.tsx).
const dialog = async () => within(await screen.findByRole('dialog', { hidden: true }));

async function twins(lastName: string) {
  const kept = await api.createContact({ firstName: 'Nora', lastName, emails: [`nora@${lastName}.example`] });
  const duplicate = await api.createContact({
    firstName: 'Nora',
    lastName,
    title: 'Buyer',
    emails: [`nora.private@${lastName}.example`],
  });
  const note = await api.logActivity({
    type: 'note',
    body: `Spoke to ${lastName} about the renewal`,
    links: [{ type: 'contact', id: duplicate.id }],
  });
  return { kept, duplicate, note };
}

describe('merging duplicates in the console', () => {
  it('when a suggested duplicate is merged with its title, then the page shows both addresses, the title and its notes, and the other page points here', async () => {
    const lastName = `${WORD}a`;
    const mail = lastName.toLowerCase();
    const { kept, duplicate } = await twins(lastName);
    await openConsole(server.url, `/app/contacts/${kept.id}`, admin);

    const suggestions = within(await screen.findByRole('region', { name: 'Possible duplicates' }));
    expect(suggestions.getByText('Same name')).toBeTruthy();
    await userEvent.click(suggestions.getByRole('button', { name: `Merge with Nora ${lastName}` }));

    const form = await dialog();
    expect(await form.findByText(/1 timeline entry/)).toBeTruthy();
    expect(form.getByText(`nora@${mail}.example, nora.private@${mail}.example`)).toBeTruthy();
    // The kept contact has no title, so the other's is taken unless changed.
    const title = form.getByRole('radiogroup', { name: 'Title', hidden: true });
    expect(
      (within(title).getByRole('radio', { name: 'Buyer', hidden: true }) as HTMLInputElement).checked,
    ).toBe(true);
    await userEvent.click(form.getByRole('button', { name: `Merge into Nora ${lastName}`, hidden: true }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Possible duplicates' })).toBeNull());
    expect(await screen.findByText('Buyer')).toBeTruthy();
    expect(await screen.findByText(`Spoke to ${lastName} about the renewal`)).toBeTruthy();
    expect(screen.getByText(`nora.private@${mail}.example`)).toBeTruthy();
    expect(window.location.pathname).toBe(`/app/contacts/${kept.id}`);

    closePane();
    await openConsole(server.url, `/app/contacts/${duplicate.id}`, admin);
    const notice = await screen.findByText(/This contact was merged into/);
    await waitFor(() => expect(notice.textContent).toContain(`merged into Nora ${lastName}.`));
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
  });

  it('when the other record is kept, then the console opens its page', async () => {
    const lastName = `${WORD}b`;
    const { kept, duplicate } = await twins(lastName);
    await openConsole(server.url, `/app/contacts/${kept.id}`, admin);
    await userEvent.click(await screen.findByRole('button', { name: `Merge with Nora ${lastName}` }));
    const form = await dialog();
    const keep = await form.findByRole('radiogroup', { name: 'Keep this contact', hidden: true });
    const [, other] = within(keep).getAllByRole('radio', { hidden: true });
    await userEvent.click(other!);
    await userEvent.click(
      await form.findByRole('button', { name: `Merge into Nora ${lastName}`, hidden: true }),
    );
    await waitFor(() => expect(window.location.pathname).toBe(`/app/contacts/${duplicate.id}`));
    expect((await api.getRecord('contact', kept.id)).mergedIntoId).toBe(duplicate.id);
  });

  it('when a colleague changed the other contact meanwhile, then the merge names them, compares again, and then merges', async () => {
    const lastName = `${WORD}c`;
    const { kept, duplicate } = await twins(lastName);
    await openConsole(server.url, `/app/contacts/${kept.id}`, admin);
    await userEvent.click(await screen.findByRole('button', { name: `Merge with Nora ${lastName}` }));
    const form = await dialog();
    await form.findByRole('radiogroup', { name: 'Title', hidden: true });
    await colleague.updateRecord('contact', duplicate.id, {
      version: duplicate.version,
      title: 'Head buyer',
    });

    await userEvent.click(form.getByRole('button', { name: `Merge into Nora ${lastName}`, hidden: true }));
    expect(await form.findByText(/was changed by Mia Merger since you opened it/)).toBeTruthy();
    await userEvent.click(form.getByRole('button', { name: 'Compare again', hidden: true }));
    const title = await form.findByRole('radiogroup', { name: 'Title', hidden: true });
    expect(within(title).getByRole('radio', { name: 'Head buyer', hidden: true })).toBeTruthy();
    await userEvent.click(form.getByRole('button', { name: `Merge into Nora ${lastName}`, hidden: true }));
    await waitFor(async () => expect((await api.getRecord('contact', kept.id)).title).toBe('Head buyer'));
  });
});
