import { api, type Page } from '../../lib/api';
import type {
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from '../../api/contract';

const BASE = '/webhooks/subscriptions';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export interface SubscriptionDraft {
  url: string;
  events: WebhookEventType[];
  active: boolean;
  description?: string;
}

export const listSubscriptions = (cursor?: string) =>
  api<Page<WebhookSubscription>>(BASE, { query: { limit: 50, cursor } });

/** Creates a subscription; the answer's secret is shown once. The key makes a retry safe. */
export const createSubscription = (draft: SubscriptionDraft, idempotencyKey: string) =>
  api<WebhookSubscriptionWithSecret>(BASE, {
    method: 'POST',
    body: draft,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const setActive = (s: WebhookSubscription, active: boolean) =>
  api<WebhookSubscription>(one(s.id), { method: 'PATCH', body: { version: s.version, active } });

export const rotateSecret = (s: WebhookSubscription) =>
  api<WebhookSubscriptionWithSecret>(`${one(s.id)}/secret`, { method: 'POST', body: { version: s.version } });

export const deleteSubscription = (s: WebhookSubscription) =>
  api<void>(one(s.id), { method: 'DELETE', body: { version: s.version } });

export const listDeliveries = (subscriptionId: string, cursor?: string) =>
  api<Page<WebhookDelivery>>(`${one(subscriptionId)}/deliveries`, { query: { limit: 20, cursor } });

/** One attempt as a short line: the answer's status code or what went wrong, and how long it took. */
export function attemptOutcome(attempt: WebhookDelivery['attempts'][number]): string {
  return attempt.status !== undefined ? `HTTP ${attempt.status}` : (attempt.error ?? '—');
}
