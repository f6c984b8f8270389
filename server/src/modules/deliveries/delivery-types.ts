import type { DeliveryChannel } from '@inbox-crm/shared';

export type { DeliveryChannel };

/** A delivery a sender has claimed: what to send, where, and the attempt this is. */
export interface ClaimedDelivery {
  orgId: string;
  id: string;
  channel: DeliveryChannel;
  /** An email address or a webhook URL. */
  recipient: string;
  webhookId: string | null;
  event: string;
  payload: Record<string, unknown>;
  /** Counting this one. */
  attempt: number;
  dueAt: Date;
  /** The webhook's signing secret now; null when it was removed or switched off (or for email). */
  webhookSecret: string | null;
}

/** What came of one attempt. `retry: false` gives up at once (the receiver refused for good). */
export type DeliveryOutcome =
  { ok: true; status?: number } | { ok: false; error: string; status?: number; retry: boolean };

export interface DeliveryTransport {
  send(delivery: ClaimedDelivery, sentAt: Date): Promise<DeliveryOutcome>;
}

/** The email a reminder sends, as stored in a delivery's payload. */
export interface EmailPayload {
  subject: string;
  text: string;
}
