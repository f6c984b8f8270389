import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ManifestError } from '../base-url.js';
import { outlookXmlProblems } from '../validate/outlook-xml-schema.js';
import { outlookXmlManifest } from './outlook-xml.js';

const ID = '6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e';

function parse(xml: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => level !== 'warning' && errors.push(message),
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return document;
}

const all = (document: ReturnType<typeof parse>, name: string) =>
  Array.from(document.getElementsByTagName(name)) as Element[];

describe('the Outlook XML manifest', () => {
  const xml = outlookXmlManifest('https://crm.example.com', {
    addInId: ID.toUpperCase(),
    version: '0.1.0',
    name: 'Inbox & CRM',
  });
  const document = parse(xml);

  it('when generated, then it names the add-in, its version in four parts and Mailbox 1.5', () => {
    expect(document.documentElement!.tagName).toBe('OfficeApp');
    expect(all(document, 'Id')[0]!.textContent).toBe(ID);
    expect(all(document, 'Version')[0]!.textContent).toBe('0.1.0.0');
    expect(all(document, 'DisplayName')[0]!.getAttribute('DefaultValue')).toBe('Inbox & CRM');
    expect(all(document, 'Set')[0]!.getAttribute('MinVersion')).toBe('1.5');
  });

  it('when generated, then the pane opens on read and compose and beside meetings, pins and takes several messages on read only, and serves shared folders', () => {
    const surfaces = all(document, 'ExtensionPoint').map((point) => point.getAttribute('xsi:type'));
    expect(surfaces).toEqual([
      'MessageReadCommandSurface',
      'MessageComposeCommandSurface',
      'AppointmentAttendeeCommandSurface',
      'AppointmentOrganizerCommandSurface',
    ]);
    const rules = all(document, 'Rule').filter((rule) => rule.getAttribute('xsi:type') === 'ItemIs');
    expect(rules.map((rule) => `${rule.getAttribute('ItemType')} ${rule.getAttribute('FormType')}`)).toEqual([
      'Message Read',
      'Message Edit',
      'Appointment Read',
      'Appointment Edit',
    ]);
    for (const name of ['SupportsPinning', 'SupportsNoItemContext', 'SupportsMultiSelect']) {
      expect(all(document, name).map((element) => element.textContent)).toEqual(['true']);
      const surface = all(document, name)[0]!.parentNode!.parentNode!.parentNode!.parentNode!.parentNode!;
      expect((surface as Element).getAttribute('xsi:type')).toBe('MessageReadCommandSurface');
    }
    expect(
      all(document, 'SupportsPinning')[0]!.parentNode!.parentNode!.parentNode!.parentNode!.parentNode!
        .nodeName,
    ).toBe('ExtensionPoint');
    expect(all(document, 'SupportsSharedFolders')[0]!.textContent).toBe('true');
    // Reading each of several selected messages (loadItemByIdAsync) needs read/write mailbox.
    expect(all(document, 'Permissions')[0]!.textContent).toBe('ReadWriteMailbox');
  });

  it('when generated, then every URL is on the server, over https', () => {
    const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)]
      .map((match) => match[0])
      .filter((url) => !url.startsWith('http://schemas.') && !url.startsWith('http://www.w3.org'));
    expect(urls.length).toBeGreaterThan(8);
    expect(
      urls.filter((url) => url !== 'https://crm.example.com' && !url.startsWith('https://crm.example.com/')),
    ).toEqual([]);
  });

  it('when generated, then it passes the manifest schemas', async () => {
    expect(await outlookXmlProblems(xml)).toEqual([]);
  });

  it('when an element is wrong, missing or out of order, then the schema check names it', async () => {
    const wrongValue = xml.replace(
      '<Permissions>ReadWriteMailbox</Permissions>',
      '<Permissions>Everything</Permissions>',
    );
    expect((await outlookXmlProblems(wrongValue)).join(' ')).toMatch(/Permissions.*'Everything'/);
    const missing = xml.replace(/<FunctionFile [^>]+\/>/, '');
    expect((await outlookXmlProblems(missing)).join(' ')).toMatch(/FunctionFile|ExtensionPoint/);
    const pinnedCompose = xml.replace(
      '<SourceLocation resid="Pane.Url"/>\n                  </Action>',
      '<SourceLocation resid="Pane.Url"/><SupportsPinning>maybe</SupportsPinning></Action>',
    );
    expect(await outlookXmlProblems(pinnedCompose)).not.toEqual([]);
  });

  it('when the base URL, id or version is wrong, then it refuses with a reason', () => {
    expect(() => outlookXmlManifest('http://crm.example.com', { addInId: ID, version: '1.0.0' })).toThrow(
      ManifestError,
    );
    expect(() =>
      outlookXmlManifest('https://crm.example.com', { addInId: 'not-a-guid', version: '1.0.0' }),
    ).toThrow(/not a GUID/);
    expect(() =>
      outlookXmlManifest('https://crm.example.com', { addInId: ID, version: '1.0.0-beta' }),
    ).toThrow(/not x\.y\.z/);
  });
});
