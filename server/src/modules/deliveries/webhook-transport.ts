import { PRODUCT_VERSION } from '../../version.js';
import { isPublicAddress, literalAddress, NonPublicAddress, publicAddressLookup } from './address-policy.js';
import type { ClaimedDelivery, DeliveryOutcome, DeliveryTransport } from './delivery-types.js';
import { postWebhook, webhookAgents } from './webhook-request.js';
import { webhookSignature } from './webhook-signature.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The one sentence for every refused address, whatever its port: the delivery log must not tell an
 * open port from a closed one, or it maps the server's network for whoever reads it.
 */
export const NON_PUBLIC_ADDRESS_ERROR =
  "The receiver's address is on a private or local network, which this server does not call.";

export interface WebhookTransportOptions {
  timeoutMs?: number;
  /** Call private and local addresses too (WEBHOOK_ALLOW_PRIVATE, for on-premises installs). Default false. */
  allowPrivate?: boolean;
}

/** The JSON a receiver gets; `id` is the delivery id, the same on every attempt. */
export function webhookBody(delivery: ClaimedDelivery): string {
  return JSON.stringify({ id: delivery.id, event: delivery.event, data: delivery.payload });
}

function signedHeaders(
  delivery: ClaimedDelivery,
  secret: string,
  sentAt: Date,
  body: string,
): Record<string, string> {
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': `InboxCRM-Webhooks/${PRODUCT_VERSION}`,
    'x-inboxcrm-delivery': delivery.id,
    'x-inboxcrm-event': delivery.event,
    'x-inboxcrm-timestamp': String(timestamp),
    'x-inboxcrm-signature': `sha256=${webhookSignature(secret, timestamp, body)}`,
  };
}

/** Node connects to an IP literal without any lookup, so a literal is judged before connecting. */
const namesNonPublicAddress = (url: URL): boolean => {
  const literal = literalAddress(url.hostname);
  return literal !== null && !isPublicAddress(literal);
};

/**
 * POSTs each delivery to its webhook's URL, signed with the webhook's current secret. A webhook
 * removed or switched off since the delivery was queued is not called, and unless private
 * addresses are allowed, neither is a receiver whose address is not public unicast.
 */
export function webhookTransport(
  options: WebhookTransportOptions = {},
): DeliveryTransport & { close(): void } {
  const { timeoutMs = WEBHOOK_TIMEOUT_MS, allowPrivate = false } = options;
  const agents = webhookAgents(allowPrivate ? undefined : publicAddressLookup);
  const refused: DeliveryOutcome = { ok: false, error: NON_PUBLIC_ADDRESS_ERROR, retry: false };
  return {
    async send(delivery: ClaimedDelivery, sentAt: Date): Promise<DeliveryOutcome> {
      if (delivery.webhookSecret === null) {
        return { ok: false, error: 'The webhook was removed or switched off.', retry: false };
      }
      const body = webhookBody(delivery);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const url = new URL(delivery.recipient);
        if (!allowPrivate && namesNonPublicAddress(url)) return refused;
        const headers = signedHeaders(delivery, delivery.webhookSecret, sentAt, body);
        const status = await postWebhook(agents, { url, headers, body, signal });
        if (status >= 200 && status < 300) return { ok: true, status };
        return {
          ok: false,
          status,
          error: `The receiver answered ${status}.`,
          // 410 Gone is the receiver asking us to stop; anything else may pass.
          retry: status !== 410,
        };
      } catch (error) {
        if (error instanceof NonPublicAddress) return refused;
        const reason = signal.aborted ? 'timed out' : 'could not be reached';
        return { ok: false, error: `The receiver ${reason}.`, retry: true };
      }
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
