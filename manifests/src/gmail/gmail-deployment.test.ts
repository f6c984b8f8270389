import { describe, expect, it } from 'vitest';
import { ManifestError } from '../base-url.js';
import { gmailDeploymentProblems } from '../validate/gmail-deployment-schema.js';
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

  it('when generated, then an open Calendar event calls its /gmail endpoint with the guests, and the event can be read', () => {
    const descriptor = gmailDeployment('https://crm.example.com');
    expect(descriptor.addOns.calendar).toEqual({
      eventOpenTrigger: { runFunction: 'https://crm.example.com/gmail/calendar-event' },
      currentEventAccess: 'READ',
    });
    expect(descriptor.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/calendar.addons.execute',
        'https://www.googleapis.com/auth/calendar.addons.current.event.read',
        'https://www.googleapis.com/auth/calendar.events.readonly',
      ]),
    );
  });

  it('when generated, then it has the shape Google documents, and a broken one is named', () => {
    expect(gmailDeploymentProblems(gmailDeployment('https://crm.example.com'))).toEqual([]);
    const broken = gmailDeployment('https://crm.example.com') as any;
    broken.addOns.gmail.contextualTriggers[0].onTriggerFunction = 'http://crm.example.com/gmail/message';
    broken.addOns.httpOptions.authorizationHeader = 'BEARER';
    const problems = gmailDeploymentProblems(broken);
    expect(
      problems.some((problem) => problem.startsWith('/addOns/gmail/contextualTriggers/0/onTriggerFunction')),
    ).toBe(true);
    expect(problems.some((problem) => problem.startsWith('/addOns/httpOptions/authorizationHeader'))).toBe(
      true,
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
