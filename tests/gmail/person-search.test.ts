import { createCustomer } from '../support/customer.js';
import { emailToFile, fileEmail } from '../support/fixtures.js';
import { describe, expect, test } from './support/add-on-suite.js';
import { actionState, callAddOn, cardTexts } from './support/add-on-client.js';
import { openGmailMessage } from './support/open-message.js';

const it = test
  .extend('customer', { auto: true }, ({ org }) => createCustomer(org.admin))
  /** A message from `from` open in Gmail: its card, and a way to call actions from it. */
  .extend('openMessage', ({ testApp, google, org }) => async (from: string) => {
    const opened = await openGmailMessage(testApp.app, google, org.adminUser.email, from);
    const { card } = opened;
    const event = (state?: string, formInputs?: Record<string, string[]>) =>
      opened.event({ ...(state ? { parameters: { state } } : {}), ...(formInputs ? { formInputs } : {}) });
    /** Calls the action `name` with the state of the first button in `from` that calls it. */
    const act = async (from: unknown, name: string, formInputs?: Record<string, string[]>) =>
      (
        await callAddOn(
          testApp.app,
          google,
          `/gmail/action/${name}`,
          event(actionState(from, name), formInputs),
        )
      ).body;
    return { card, act };
  });

describe('searching and linking from the Gmail card', () => {
  it('when words are searched in a contact’s correspondence, then their filed email that holds them is found, and nobody else’s', async ({
    org,
    customer,
    openMessage,
  }) => {
    await fileEmail(
      org.admin,
      emailToFile({
        from: { email: 'priya.raman@northwind.example', name: 'Priya Raman' },
        subject: 'Tachograph calibration dates',
        bodyText: 'The tachograph calibration is due in March for all vans.',
        links: [{ type: 'contact', id: customer.contact.id }],
      }),
    );
    const elsewhere = await org.admin.post('/api/v1/accounts', { name: 'Elsewhere Ltd' });
    await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Tachograph offer',
        bodyText: 'Our tachograph service is cheaper.',
        links: [{ type: 'account', id: elsewhere.body.id }],
      }),
    );
    const { card, act } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    expect(cardTexts(card)).toContain('Search correspondence with Priya Raman');
    const found = await act(card, 'search-correspondence', { 'their-words': ['tachograph'] });
    const texts = cardTexts(found);
    expect(texts).toContain('Correspondence with Priya Raman');
    expect(texts.join(' ')).toContain('calibration');
    expect(texts.join(' ')).not.toContain('cheaper');
  });

  it('when an unknown sender is linked to an existing contact, then the address is added to that contact and the card shows them', async ({
    org,
    customer,
    openMessage,
  }) => {
    const { card, act } = await openMessage('"Priya R." <p.raman@gmail.example>');
    expect(cardTexts(card)).toContain('Link to a contact');
    const form = await act(card, 'open-link');
    const found = await act(form, 'find-link', { 'link-q': ['Priya'] });
    expect(cardTexts(found)).toEqual(expect.arrayContaining(['Priya Raman', 'Add address']));
    const linked = await act(found, 'link-address');
    expect(linked.renderActions.action.notification).toEqual({
      text: 'p.raman@gmail.example added to Priya Raman.',
    });
    const contact = await org.admin.get(`/api/v1/contacts/${customer.contact.id}`);
    expect(contact.body.emails).toEqual(['priya.raman@northwind.example', 'p.raman@gmail.example']);
  });

  it('when an unknown sender is linked to an account, then the contact form opens for that account', async ({
    openMessage,
  }) => {
    const { card, act } = await openMessage('"Sam Okoro" <sam.okoro@gmail.example>');
    const form = await act(card, 'open-link');
    const found = await act(form, 'find-link', { 'link-q': ['Northwind'] });
    const contactForm = await act(found, 'open-form');
    expect(cardTexts(contactForm)).toEqual(
      expect.arrayContaining(['New contact', 'Add to Northwind Traders']),
    );
  });

  it('when the search is empty, then the card asks for words instead of searching', async ({
    openMessage,
  }) => {
    const { card, act } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const reply = await act(card, 'search-correspondence', { 'their-words': ['  '] });
    expect(cardTexts(reply).join(' ')).toContain('Type a word to look for in their correspondence.');
  });
});
