import { deploymentBaseUrl } from '../base-url.js';

/**
 * What the add-on asks of Google: run in Gmail and Calendar, read the open message, see the draft's
 * recipients and the open event's guests, read the open event's time and title through the Calendar
 * API (the event object carries no times), know who the user is.
 */
export const GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.addons.execute',
  'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
  'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  'https://www.googleapis.com/auth/calendar.addons.execute',
  'https://www.googleapis.com/auth/calendar.addons.current.event.read',
  'https://www.googleapis.com/auth/calendar.events.readonly',
  'https://www.googleapis.com/auth/userinfo.email',
] as const;

/** A Google Workspace add-on deployment (HTTP runtime), as `gcloud workspace-add-ons deployments create` takes it. */
export interface GmailDeployment {
  oauthScopes: string[];
  addOns: {
    common: { name: string; logoUrl: string; homepageTrigger: { runFunction: string } };
    gmail: {
      contextualTriggers: { unconditional: Record<string, never>; onTriggerFunction: string }[];
      composeTrigger: {
        actions: { runFunction: string; label: string; logoUrl: string }[];
        draftAccess: 'METADATA';
      };
    };
    calendar: { eventOpenTrigger: { runFunction: string }; currentEventAccess: 'READ' };
    httpOptions: { authorizationHeader: 'SYSTEM_ID_TOKEN' };
  };
}

/**
 * The deployment descriptor of the Workspace add-on for a server at `baseUrl` (in Gmail, and beside
 * an open Calendar event): every trigger points at its /gmail endpoint, and Google sends its system
 * ID token in the Authorization header.
 */
export function gmailDeployment(baseUrl: string, name = 'Inbox CRM'): GmailDeployment {
  const base = deploymentBaseUrl(baseUrl);
  const logoUrl = `${base}/manifests/icons/icon-128.png`;
  return {
    oauthScopes: [...GMAIL_SCOPES],
    addOns: {
      common: { name, logoUrl, homepageTrigger: { runFunction: `${base}/gmail/homepage` } },
      gmail: {
        contextualTriggers: [{ unconditional: {}, onTriggerFunction: `${base}/gmail/message` }],
        composeTrigger: {
          actions: [{ runFunction: `${base}/gmail/compose`, label: name, logoUrl }],
          draftAccess: 'METADATA',
        },
      },
      calendar: {
        eventOpenTrigger: { runFunction: `${base}/gmail/calendar-event` },
        currentEventAccess: 'READ',
      },
      httpOptions: { authorizationHeader: 'SYSTEM_ID_TOKEN' },
    },
  };
}
