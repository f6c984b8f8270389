import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
const member = { email: server.memberEmail, password: server.password };

afterEach(closePane);

describe('the engagement plans page', () => {
  it('when a plan is written with its steps, then it is saved and listed day by day', async () => {
    await openConsole(server.url, '/app/', admin);
    await userEvent.click(await screen.findByRole('link', { name: 'Plans' }));
    await userEvent.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('form', { name: 'New plan' });
    await userEvent.type(within(form).getByLabelText(/Plan name/), 'Trial nurture');
    await userEvent.selectOptions(within(form).getByLabelText('For'), 'contact');
    await userEvent.type(
      within(within(form).getByRole('group', { name: 'Step 1' })).getByLabelText(/What to do/),
      'Welcome email',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Add a step' }));
    const second = within(form).getByRole('group', { name: 'Step 2' });
    expect(within(second).getByLabelText('Day')).toHaveProperty('value', '3');
    await userEvent.type(within(second).getByLabelText(/What to do/), 'Check-in call');
    await userEvent.click(within(form).getByRole('button', { name: 'Save plan' }));

    const plan = await screen.findByRole('listitem', { name: 'Trial nurture' });
    expect(within(plan).getByText('Day 0 · Email: Welcome email')).toBeTruthy();
    expect(within(plan).getByText('Day 3 · Call: Check-in call')).toBeTruthy();
    const saved = (await (await apiAs(server.url, admin)).engagementPlans()).find(
      (candidate) => candidate.name === 'Trial nurture',
    );
    expect(saved).toMatchObject({
      recordType: 'contact',
      steps: [
        { day: 0, type: 'email', title: 'Welcome email' },
        { day: 3, type: 'call', title: 'Check-in call' },
      ],
    });
  });

  it('when a member opens it, then there is no link and the page says who keeps the plans', async () => {
    await openConsole(server.url, '/app/plans', member);
    expect(await screen.findByText(/Admins and managers keep the engagement plans/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Plans' })).toBeNull();
  });
});
