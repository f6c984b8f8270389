export { deliveryRoutes } from './routes.js';
export { enqueueDeliveries, type NewDelivery } from './repository.js';
export { deliverySender } from './delivery-sender.js';
export { emailTransport, type SmtpSettings } from './email-transport.js';
export { webhookTransport } from './webhook-transport.js';
export { verifyWebhookSignature, webhookSignature } from './webhook-signature.js';
export { isLoopbackAddress, isPublicAddress, literalAddress } from './address-policy.js';
