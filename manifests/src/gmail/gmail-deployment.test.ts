import { describe, expect, it } from 'vitest';
import { ManifestError } from '../base-url.js';
import { gmailDeployment } from './gmail-deployment.js';

describe('the Gmail deployment descriptor', () => {
  it('when generated for a server, then every trigger points at its /gmail endpoint and the logo is a PNG there', () => {
    const descriptor = gmailDeployment('https://crm.example.com/');
    expect(descriptor.addOns.common.homepageTrigger.runFunction).toBe(
      'https://crm.example.com/gmail/homepage',
    );
    expect(descriptor.addOns.gmail.contextualTriggers).toEqual([
      { unconditional: {}, onTriggerFunction: 'https://crm.example.com/gmail/message' },
    ]);
    expect(descriptor.addOns.gmail.composeTrigger.actions[0]!.runFunction).toBe(
      'https://crm.example.com/gmail/compose',
    );
    expect(descriptor.addOns.common.logoUrl).toMatch(/^https:\/\/crm\.example\.com\/.*\.png$/);
    expect(descriptor.oauthScopes).toContain(
      'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
    );
  });

  it.each([
    ['http://crm.example.com', /need an https address/],
    ['https://crm.example.com/crm', /without a path/],
    ['https://crm.example.com/?x=1', /without a path, query/],
    ['crm.example.com', /is not a URL/],
  ])('when the base URL is %s, then it is refused with a reason', (url, reason) => {
    expect(() => gmailDeployment(url)).toThrow(ManifestError);
    expect(() => gmailDeployment(url)).toThrow(reason);
  });
});
