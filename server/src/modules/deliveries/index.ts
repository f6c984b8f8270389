export { deliveryRoutes } from './routes.js';
export { enqueueDeliveries, type NewDelivery } from './repository.js';
export { deliverySender } from './delivery-sender.js';
export { emailTransport, smtpFailure, type SmtpSettings } from './email-transport.js';
export type { ClaimedDelivery, DeliveryOutcome, DeliveryTransport } from './delivery-types.js';
export { webhookTransport } from './webhook-transport.js';
export { verifyWebhookSignature, webhookSignature } from './webhook-signature.js';
export { isLoopbackAddress, isPublicAddress, literalAddress } from './address-policy.js';
