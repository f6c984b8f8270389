import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cardActions, isActionName } from './cards/card-actions.js';
import { replaceCard, showCard } from './cards/card-builder.js';
import type { ActionResponse, Card, TriggerResponse } from './cards/card-model.js';
import type { CrmGateway, CrmSession } from './crm-gateway.js';
import { actionParameter, AddOnEvent } from './google/add-on-event.js';
import { calendarReader } from './google/calendar-event.js';
import { GMAIL_API_URL, gmailReader } from './google/gmail-message.js';
import { googleTokenVerifier, UntrustedToken, type GoogleIdentity } from './google/id-tokens.js';
import { ACTION_HANDLERS } from './handlers/actions.js';
import type { HandlerContext } from './handlers/handler-context.js';
import { eventCard } from './handlers/calendar-event.js';
import { homepage } from './handlers/homepage.js';
import { composeCard, messageCard } from './handlers/message.js';
import { noAccessCard, noticeCard } from './views/notice-cards.js';
import { problemCard, staleCardNotice } from './views/problem-card.js';

export interface GmailAddOnOptions {
  /** The server's public URL, e.g. https://crm.example.com: Google calls it and signs for it. */
  publicUrl: string;
  /** Google's side of this deployment; null when the add-on is not configured here. */
  identity: GoogleIdentity | null;
  /** Where the Gmail API is reached; Google's own address unless a private endpoint is set. */
  gmailApiUrl?: string | null;
  /** Signs card state; must survive restarts and be the same on every instance. */
  stateSecret: string;
  gateway: CrmGateway;
}

/** Google's events are small; a card's form a little larger. Nothing else comes here. */
const BODY_LIMIT_BYTES = 256 * 1024;

const routeOptions = { bodyLimit: BODY_LIMIT_BYTES, schema: { hide: true, body: AddOnEvent } };

/**
 * The Gmail add-on on Google's HTTP runtime: every trigger and action is an endpoint that takes
 * Google's event object and answers with card JSON. Mount it with the prefix /gmail.
 */
export async function gmailAddOn(app: FastifyInstance, options: GmailAddOnOptions): Promise<void> {
  const addOnUrl = `${options.publicUrl}/gmail`;
  const actions = cardActions(addOnUrl, options.stateSecret);
  const verifier = options.identity ? googleTokenVerifier(options.identity) : null;

  // Only Google may call: the system ID token must be signed for this very URL by our add-on's account.
  app.addHook('onRequest', async (request, reply) => {
    if (!verifier) {
      return reply.code(503).send({
        error: 'gmail_not_configured',
        message:
          'The Gmail add-on is not set up on this server: set GMAIL_SERVICE_ACCOUNT and GMAIL_OAUTH_CLIENT_ID.',
      });
    }
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    try {
      await verifier.verifySystemToken(token, `${options.publicUrl}${request.url}`);
    } catch (error) {
      request.log.info({ reason: (error as Error).message }, 'refused a call that is not from Google');
      return reply
        .code(401)
        .send({ error: 'unauthorized', message: 'Only Google may call the add-on’s endpoints.' });
    }
  });

  /**
   * Runs `respond` as the event's verified user. A user who cannot be verified or is no CRM user,
   * and every failure, gets a card that says so (`asCard` wraps it the way the endpoint answers).
   */
  async function asUser<T>(
    request: FastifyRequest<{ Body: AddOnEvent }>,
    respond: (context: HandlerContext) => Promise<T>,
    asCard: (shown: Card) => T,
  ): Promise<T> {
    const event = request.body;
    let email: string;
    try {
      email = await verifier!.verifyUserToken(event.authorizationEventObject?.userIdToken);
    } catch (error) {
      if (!(error instanceof UntrustedToken)) throw error;
      request.log.info({ reason: error.message }, 'the user token did not verify');
      return asCard(
        noticeCard('Your Google sign-in could not be checked', 'Reload Gmail and open the add-on again.'),
      );
    }
    try {
      const crm = await options.gateway.sessionFor(email);
      if (!crm) return asCard(noAccessCard(email));
      return await respond(contextFor(event, crm));
    } catch (error) {
      request.log.warn({ err: error }, 'a Gmail card could not be drawn');
      return asCard(problemCard(error));
    }
  }

  function contextFor(event: AddOnEvent, crm: CrmSession): HandlerContext {
    const common = event.commonEventObject;
    return {
      event,
      crm,
      actions,
      publicUrl: options.publicUrl,
      gmail: gmailReader(event, options.gmailApiUrl ?? GMAIL_API_URL),
      calendar: calendarReader(event),
      where: {
        ...(common?.userLocale ? { locale: common.userLocale } : {}),
        ...(common?.timeZone?.id ? { timeZone: common.timeZone.id } : {}),
        ...(common?.timeZone?.offset !== undefined ? { offsetMs: common.timeZone.offset } : {}),
      },
    };
  }

  const trigger =
    (draw: (context: HandlerContext) => Promise<Card>) =>
    (request: FastifyRequest<{ Body: AddOnEvent }>): Promise<TriggerResponse> =>
      asUser(request, async (context) => showCard(await draw(context)), showCard);

  app.post(
    '/homepage',
    routeOptions,
    trigger((context) => homepage(context)),
  );
  app.post('/message', routeOptions, trigger(messageCard));
  app.post('/compose', routeOptions, trigger(composeCard));
  app.post('/calendar-event', routeOptions, trigger(eventCard));

  app.post<{ Body: AddOnEvent; Params: { name: string } }>('/action/:name', routeOptions, async (request) => {
    const name = request.params.name;
    if (!isActionName(name)) return replaceCard(noticeCard('Unknown action', 'Open the message again.'));
    const state = actions.read(name, actionParameter(request.body, 'state'));
    if (state === null) return replaceCard(staleCardNotice());
    return asUser<ActionResponse>(
      request,
      (context) => ACTION_HANDLERS[name](context, state),
      (shown) => replaceCard(shown),
    );
  });
}
