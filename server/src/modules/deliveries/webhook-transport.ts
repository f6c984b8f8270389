import { PRODUCT_VERSION } from '../../version.js';
import type { ClaimedDelivery, DeliveryOutcome, DeliveryTransport } from './delivery-types.js';
import { webhookSignature } from './webhook-signature.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The JSON a receiver gets; `id` is the delivery id, the same on every attempt. */
export function webhookBody(delivery: ClaimedDelivery): string {
  return JSON.stringify({ id: delivery.id, event: delivery.event, data: delivery.payload });
}

/**
 * POSTs each delivery to its webhook's URL, signed with the webhook's current secret. A webhook
 * removed or switched off since the delivery was queued is not called.
 */
export function webhookTransport(timeoutMs = WEBHOOK_TIMEOUT_MS): DeliveryTransport {
  return {
    async send(delivery: ClaimedDelivery, sentAt: Date): Promise<DeliveryOutcome> {
      if (delivery.webhookSecret === null) {
        return { ok: false, error: 'The webhook was removed or switched off.', retry: false };
      }
      const body = webhookBody(delivery);
      const timestamp = Math.floor(sentAt.getTime() / 1000);
      try {
        const response = await fetch(delivery.recipient, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': `InboxCRM-Webhooks/${PRODUCT_VERSION}`,
            'x-inboxcrm-delivery': delivery.id,
            'x-inboxcrm-event': delivery.event,
            'x-inboxcrm-timestamp': String(timestamp),
            'x-inboxcrm-signature': `sha256=${webhookSignature(delivery.webhookSecret, timestamp, body)}`,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        if (response.ok) return { ok: true, status: response.status };
        return {
          ok: false,
          status: response.status,
          error: `The receiver answered ${response.status}.`,
          // 410 Gone is the receiver asking us to stop; anything else may pass.
          retry: response.status !== 410,
        };
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
        return { ok: false, error: `The receiver ${reason}.`, retry: true };
      }
    },
  };
}
