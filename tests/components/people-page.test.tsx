import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
const member = { email: server.memberEmail, password: server.password };

afterEach(closePane);

describe('the people page', () => {
  it('when an admin adds a person who reports to someone, then sets their time zone, then both are saved; an unknown zone is refused', async () => {
    const email = `rosa.${Date.now()}@${server.domain}`;
    await openConsole(server.url, '/app/', admin);
    await userEvent.click(await screen.findByRole('link', { name: 'People' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Add a person' }));
    const form = screen.getByRole('form', { name: 'New person' });
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Rosa Rep');
    await userEvent.type(within(form).getByLabelText(/^Email/), email);
    await userEvent.type(within(form).getByLabelText(/^First password/), 'a long password');
    await userEvent.selectOptions(within(form).getByLabelText('Reports to'), 'Sam Member');
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));

    const rosa = await screen.findByRole('listitem', { name: 'Rosa Rep' });
    const api = await apiAs(server.url, admin);
    const people = (await api.users()).items;
    const sam = people.find((person) => person.email === member.email)!;
    expect(people.find((person) => person.email === email)).toMatchObject({
      role: 'member',
      managerId: sam.id,
    });

    const settings = within(rosa).getByRole('group', { name: 'Settings of Rosa Rep' });
    const zone = within(settings).getByLabelText('Time zone');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus_Mons');
    await userEvent.click(within(settings).getByRole('button', { name: 'Save' }));
    expect(await within(rosa).findByText(/Mars\/Olympus_Mons is not a time zone/)).toBeTruthy();

    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Lisbon');
    await userEvent.click(within(settings).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await api.users()).items.find((person) => person.email === email)?.timeZone).toBe(
        'Europe/Lisbon',
      ),
    );
  });

  it('when a member opens it, then there is no link and no access', async () => {
    await openConsole(server.url, '/app/people', member);
    expect(await screen.findByText('Only admins manage people and teams.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'People' })).toBeNull();
  });
});
