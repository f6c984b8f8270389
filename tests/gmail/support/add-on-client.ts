import type { App } from '@inbox-crm/server';
import { PUBLIC_URL, type FakeGoogleSigner } from '@inbox-crm/addin-gmail/testing';

export interface EventOptions {
  userToken: string;
  message?: { gmailId: string; accessToken: string; oauthToken: string };
  /** A Calendar event open instead of a message. */
  event?: { calendarId: string; id: string; oauthToken: string };
  toRecipients?: string[];
  formInputs?: Record<string, string[]>;
  parameters?: Record<string, string>;
}

/** Google's event object as the HTTP runtime sends it. */
export function addOnEvent(options: EventOptions) {
  return {
    commonEventObject: {
      hostApp: options.event ? 'CALENDAR' : 'GMAIL',
      platform: 'WEB',
      userLocale: 'en-GB',
      timeZone: { id: 'Europe/London', offset: 0 },
      ...(options.parameters ? { parameters: options.parameters } : {}),
      ...(options.formInputs
        ? {
            formInputs: Object.fromEntries(
              Object.entries(options.formInputs).map(([name, value]) => [name, { stringInputs: { value } }]),
            ),
          }
        : {}),
    },
    authorizationEventObject: {
      userIdToken: options.userToken,
      ...(options.message ? { userOAuthToken: options.message.oauthToken } : {}),
      ...(options.event ? { userOAuthToken: options.event.oauthToken } : {}),
    },
    ...(options.event
      ? {
          calendar: {
            calendarId: options.event.calendarId,
            id: options.event.id,
            capabilities: { canSeeAttendees: true },
          },
        }
      : {}),
    ...(options.message || options.toRecipients
      ? {
          gmail: {
            ...(options.message
              ? {
                  messageId: options.message.gmailId,
                  threadId: `t-${options.message.gmailId}`,
                  accessToken: options.message.accessToken,
                }
              : {}),
            ...(options.toRecipients ? { toRecipients: options.toRecipients } : {}),
          },
        }
      : {}),
  };
}

/** Posts an event to an add-on endpoint as Google does: signed for that exact URL. */
export async function callAddOn(
  app: App,
  google: FakeGoogleSigner,
  path: string,
  event: object,
  token?: string,
) {
  const reply = await app.inject({
    method: 'POST',
    url: path,
    headers: { authorization: `Bearer ${token ?? google.systemToken(`${PUBLIC_URL}${path}`)}` },
    payload: event,
  });
  return { status: reply.statusCode, body: reply.json() as any };
}

/** The signed state of the first button in a response that calls the named action. */
export function actionState(response: unknown, name: string): string {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const action = node as { function?: unknown; parameters?: { key: string; value: string }[] };
    if (typeof action.function === 'string' && action.function.endsWith(`/gmail/action/${name}`)) {
      found.push(action.parameters?.find((parameter) => parameter.key === 'state')?.value ?? '');
    }
    Object.values(node).forEach(visit);
  };
  visit(response);
  if (!found[0]) throw new Error(`No button calls ${name}`);
  return found[0];
}

/** Every text a card shows, flattened, for assertions on what a person reads. */
export function cardTexts(response: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown, key?: string) => {
    if (
      typeof node === 'string' &&
      key &&
      ['text', 'title', 'subtitle', 'topLabel', 'bottomLabel', 'header'].includes(key)
    )
      texts.push(node);
    if (Array.isArray(node)) node.forEach((item) => visit(item));
    else if (node && typeof node === 'object')
      Object.entries(node).forEach(([childKey, value]) => visit(value, childKey));
  };
  visit(response);
  return texts;
}
