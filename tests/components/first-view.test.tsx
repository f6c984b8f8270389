import { getByRole, getByText, within } from '@testing-library/react';
import { describe, expect, inject, it } from 'vitest';
import type { LookupResult, User } from '@inbox-crm/shared/client';
import { drawFirstView, FIRST_VIEW_LIGHT } from '@inbox-crm/addin-outlook';
import { uniqueMessageId } from '../support/fixtures.js';
import { apiAs } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
const USER = { name: 'Ada Admin', email: server.adminEmail } as User;

/** The sender view the pane asks as it opens a message from Priya, as the server answers it. */
async function priyasMessage(): Promise<LookupResult> {
  const api = await apiAs(server.url, admin);
  return api.lookupMessage({
    emails: ['priya.raman@northwind.example'],
    leading: 'first',
    messageId: uniqueMessageId(),
    timelineLimit: 8,
  });
}

describe("the pane's first view, drawn before the app is loaded", () => {
  it("when a known contact's answer is in, then it shows the filing state, the contact and the account, its buttons disabled", async () => {
    const view = drawFirstView(await priyasMessage(), USER, FIRST_VIEW_LIGHT)!;
    document.body.append(view);
    try {
      expect(view.getAttribute('aria-busy')).toBe('true');
      expect(getByText(view, 'Ada Admin')).toBeTruthy();
      expect(getByText(view, 'This email is not filed yet.')).toBeTruthy();
      expect((getByRole(view, 'button', { name: 'File email' }) as HTMLButtonElement).disabled).toBe(true);
      const contact = within(view).getByLabelText('Contact Priya Raman');
      expect(within(contact).getByRole('heading', { name: 'Priya Raman' })).toBeTruthy();
      expect(within(contact).getByText('Head of Operations · Northwind Traders')).toBeTruthy();
      expect(
        within(contact).getByRole('link', { name: 'priya.raman@northwind.example' }).getAttribute('href'),
      ).toBe('mailto:priya.raman@northwind.example');
      expect(within(contact).getByText('Marketing email: no answer')).toBeTruthy();
      const account = within(view).getByLabelText('Account Northwind Traders');
      expect(within(account).getByText(/^northwind\.example/)).toBeTruthy();
    } finally {
      view.remove();
    }
  });

  it('when a name holds markup, then it is shown as text, never parsed', async () => {
    const result = await priyasMessage();
    const name = '<img src=x onerror="window.pwned=1">Priya';
    const view = drawFirstView({ ...result, contact: { ...result.contact!, name } }, USER, FIRST_VIEW_LIGHT)!;
    expect(view.querySelector('img')).toBeNull();
    expect(view.querySelector('h2')!.textContent).toBe(name);
  });

  it('when the sender is nobody the CRM knows, then there is no first view: the app leads with its offers', async () => {
    const api = await apiAs(server.url, admin);
    const stranger = await api.lookupMessage({ emails: ['someone@unknown-firm.example'], leading: 'first' });
    expect(drawFirstView(stranger, USER, FIRST_VIEW_LIGHT)).toBeNull();
  });
});
