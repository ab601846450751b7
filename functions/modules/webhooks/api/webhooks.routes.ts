import type { RouteDef } from '../../../platform/http/route';
import * as s from './webhooks.schema';

const V1 = '/api/v1/webhooks/subscriptions';
const common = { group: 'webhooks', tag: 'webhooks', auth: 'jwt', roles: ['admin'] } as const;

/**
 * Webhooks for integrators: an agency's admins subscribe URLs to events; deliveries are signed
 * (Standard Webhooks headers), retried with backoff and listed with their attempts. The payloads
 * are in the OpenAPI document's `webhooks`.
 */
export const webhookRoutes = [
  {
    ...common,
    method: 'GET',
    path: V1,
    operationId: 'listWebhookSubscriptions',
    summary: 'The agency’s webhook subscriptions, oldest first',
    query: s.subscriptionListQuery,
    response: s.subscriptionPage,
    successStatus: 200,
  },
  {
    ...common,
    method: 'POST',
    path: V1,
    operationId: 'createWebhookSubscription',
    summary:
      'Subscribes a URL to events; the answer carries the signing secret, which is never shown again (https only, no private or loopback addresses)',
    body: s.createSubscriptionBody,
    idempotent: true,
    response: s.subscriptionWithSecret,
    successStatus: 201,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/{id}`,
    operationId: 'getWebhookSubscription',
    summary: 'A webhook subscription (without its secret)',
    params: s.subscriptionParam,
    response: s.webhookSubscription,
    successStatus: 200,
  },
  {
    ...common,
    method: 'PATCH',
    path: `${V1}/{id}`,
    operationId: 'updateWebhookSubscription',
    summary: 'Changes a subscription’s URL, events, description or active flag',
    params: s.subscriptionParam,
    body: s.updateSubscriptionBody,
    response: s.webhookSubscription,
    successStatus: 200,
  },
  {
    ...common,
    method: 'DELETE',
    path: `${V1}/{id}`,
    operationId: 'deleteWebhookSubscription',
    summary: 'Deletes a subscription (the version seen): nothing more is delivered to it',
    params: s.subscriptionParam,
    body: s.deleteSubscriptionBody,
    response: s.noContent,
    successStatus: 204,
  },
  {
    ...common,
    method: 'POST',
    path: `${V1}/{id}/secret`,
    operationId: 'rotateWebhookSecret',
    summary: 'Replaces the signing secret; the new one is in this answer only',
    params: s.subscriptionParam,
    body: s.rotateSecretBody,
    response: s.subscriptionWithSecret,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/{id}/deliveries`,
    operationId: 'listWebhookDeliveries',
    summary: 'The subscription’s deliveries, newest first, with their attempts',
    params: s.subscriptionParam,
    query: s.subscriptionListQuery,
    response: s.deliveryPage,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
