import { nameUuid } from '../../../platform/kernel/hashing';
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { WebhookEventType } from './events';

/**
 * An agency's webhook subscription (aggregate `webhook-subscription`): where to POST, which
 * events, the signing secret (stored, shown only at creation and rotation), on or off. Deleting
 * one marks it deleted (nothing is deleted from the table): it is no longer listed, found or
 * delivered to, and its secret is dropped.
 */
export interface WebhookSubscriptionData {
  url: string;
  events: WebhookEventType[];
  active: boolean;
  description?: string;
  /** `whsec_…`; empty once deleted. */
  secret: string;
  secretRotatedAt?: string;
  deleted?: boolean;
}
export type WebhookSubscription = AggregateMeta & WebhookSubscriptionData;

export const SUBSCRIPTION = 'webhook-subscription' as const;
export const DELIVERY = 'webhook-delivery' as const;

/** Live subscriptions are listed under `live`, deleted ones under `deleted`, oldest first. */
export const subscriptionPlacement = (s: Pick<WebhookSubscription, 'createdAt' | 'id' | 'deleted'>) => ({
  parentKey: s.deleted ? 'deleted' : 'live',
  sortKey: `${s.createdAt}#${s.id}`,
});

/** A subscription as the API shows it: never its secret. */
export function publicSubscription(s: WebhookSubscription) {
  const { secret: _secret, deleted: _deleted, ...rest } = s;
  return rest;
}

/** The outcome of one attempt: the receiver's status code, or what went wrong before one came. */
export interface DeliveryAttempt {
  at: string;
  durationMs: number;
  status?: number;
  /** `timeout`, `refused_address`, `connection`, `tls`, … (no receiver text is kept). */
  error?: string;
}

export const deliveryStates = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/**
 * One event's delivery to one subscription (aggregate `webhook-delivery`), with every attempt.
 * Its id follows from the subscription and the event, so a replayed event finds it.
 */
export interface WebhookDeliveryData {
  subscriptionId: string;
  eventId: string;
  eventType: WebhookEventType;
  /** The JSON body, the same for every attempt (ids and numbers only). */
  body: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
}
export type WebhookDelivery = AggregateMeta & WebhookDeliveryData;

/** The id of the delivery of one event to one subscription (a UUID from both). */
export const deliveryId = (subscriptionId: string, eventId: string) =>
  nameUuid(`${subscriptionId}\u0000${eventId}`);

/** The delivery machine's execution name: unique per subscription and event (≤ 80 characters). */
export const deliveryExecutionName = (subscriptionId: string, eventId: string) =>
  `${subscriptionId}_${eventId}`;

/** Deliveries are listed under their subscription, newest first. */
export const deliveryPlacement = (d: Pick<WebhookDelivery, 'subscriptionId' | 'createdAt' | 'id'>) => ({
  parentKey: d.subscriptionId,
  sortKey: `${String(9e15 - Date.parse(d.createdAt)).padStart(16, '0')}#${d.id}`,
});

/** At most this many attempts are kept on a delivery (the machine makes six). */
export const MAX_KEPT_ATTEMPTS = 20;
