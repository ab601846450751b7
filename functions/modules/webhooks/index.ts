/** The public face of the webhooks module: subscriptions, signed deliveries, the events they carry. */
export { webhookRoutes } from './api/webhooks.routes';
export { webhooksApi } from './api/webhooks.api';
export { webhookPayloads, webhookSummaries } from './api/webhooks.schema';
export type { WebhookAdminDeps, WebhookDeliverDeps, WebhookFanOutDeps, WebhookTransport } from './ports';
export { webhookDeliverTask } from './tasks/webhookDeliver.task';
export { createWebhookTransport } from './outbound/transport.adapter';
export { classifyAddress, isPublicLiteral } from './outbound/address';
export { publishEvent, DELIVERY_MACHINE } from './usecases/publish.usecase';
export { WebhookAttemptFailed } from './usecases/deliver.usecase';
export {
  eventId,
  webhookEvent,
  webhookEventTypes,
  type WebhookEvent,
  type WebhookEventType,
} from './domain/events';
export { signedHeaders, verifyWebhook, DEFAULT_TOLERANCE_SECONDS } from './signature';
