import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a webhook receiver checks: HMAC-SHA256, keyed with the webhook's secret, over
 * `<timestamp>.<body>`, as hex. Covering the timestamp lets a receiver refuse an old request replayed.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Checks a received `X-InboxCRM-Signature` value (`sha256=<hex>`) in constant time. */
export function verifyWebhookSignature(
  secret: string,
  timestamp: number,
  body: string,
  header: string,
): boolean {
  const expected = Buffer.from(`sha256=${webhookSignature(secret, timestamp, body)}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
