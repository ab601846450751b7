import { randomUUID } from 'node:crypto';
import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { BusinessRuleError, NotFoundError } from '../../../platform/kernel/errors';
import type { WebhookEventType } from '../domain/events';
import { newSecret } from '../signature';
import {
  publicSubscription,
  SUBSCRIPTION,
  subscriptionPlacement,
  type WebhookSubscription,
} from '../domain/subscription';
import { targetProblem } from '../domain/target';
import type { WebhookAdminDeps, WebhookDeps } from '../ports';

export interface SubscriptionInput {
  url: string;
  events: WebhookEventType[];
  active: boolean;
  description?: string;
}

export type PublicSubscription = ReturnType<typeof publicSubscription>;

/** A literal address's verdict (see `outbound/address.ts`); injected so the rule stays testable. */
export type LiteralCheck = (host: string) => boolean | undefined;

function assertTarget(deps: WebhookAdminDeps, url: string, isPublicLiteral: LiteralCheck): void {
  const problem = targetProblem(url, deps.webhooksAllowPrivate, isPublicLiteral);
  if (problem)
    throw new BusinessRuleError('webhook_target_refused', `Refused webhook target: ${problem}`, {}, [
      { path: 'url', code: problem },
    ]);
}

/** A live subscription of the actor's agency, or 404 (a deleted one is gone for the API). */
export async function liveSubscription(
  deps: WebhookDeps,
  tenantId: string,
  id: string,
): Promise<WebhookSubscription> {
  const found = await deps.store.get<WebhookSubscription>(SUBSCRIPTION, tenantId, id);
  if (!found || found.deleted) throw new NotFoundError('webhook subscription not found');
  return found;
}

/** Creates a subscription with a new secret; the secret is in this answer only (and its replays). */
export async function createSubscription(
  deps: WebhookAdminDeps,
  actor: Actor,
  input: SubscriptionInput,
  isPublicLiteral: LiteralCheck,
  idempotency?: { key: string; requestHash: string },
): Promise<{ subscription: PublicSubscription; secret: string }> {
  assertTarget(deps, input.url, isPublicLiteral);
  const now = deps.clock.now().toISOString();
  const item: WebhookSubscription = {
    id: randomUUID(),
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    url: input.url,
    events: [...new Set(input.events)],
    active: input.active,
    ...(input.description ? { description: input.description } : {}),
    secret: newSecret(),
  };
  const { item: stored } = await deps.store.create(SUBSCRIPTION, item, {
    actorId: actor.employeeId,
    ...subscriptionPlacement(item),
    ...(idempotency ? { idempotency } : {}),
  });
  return { subscription: publicSubscription(stored), secret: stored.secret };
}

/** Changes the URL, events, description or the active flag (optimistic version). */
export async function updateSubscription(
  deps: WebhookAdminDeps,
  actor: Actor,
  id: string,
  input: Partial<SubscriptionInput> & { version: number },
  isPublicLiteral: LiteralCheck,
): Promise<PublicSubscription> {
  const current = await liveSubscription(deps, actor.tenantId, id);
  if (input.url !== undefined) assertTarget(deps, input.url, isPublicLiteral);
  const { version, ...changes } = input;
  const next: WebhookSubscription = {
    ...current,
    ...changes,
    ...(changes.events ? { events: [...new Set(changes.events)] } : {}),
    updatedAt: deps.clock.now().toISOString(),
  };
  if (changes.description === '') delete next.description;
  const stored = await deps.store.update(SUBSCRIPTION, next, version, {
    actorId: actor.employeeId,
    ...subscriptionPlacement(next),
  });
  return publicSubscription(stored);
}

/** A new secret for the subscription (the old one stops signing at once); shown in this answer only. */
export async function rotateSecret(
  deps: WebhookDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<{ subscription: PublicSubscription; secret: string }> {
  const current = await liveSubscription(deps, actor.tenantId, id);
  const now = deps.clock.now().toISOString();
  const next: WebhookSubscription = { ...current, secret: newSecret(), secretRotatedAt: now, updatedAt: now };
  const stored = await deps.store.update(SUBSCRIPTION, next, version, {
    actorId: actor.employeeId,
    ...subscriptionPlacement(next),
  });
  return { subscription: publicSubscription(stored), secret: stored.secret };
}

/** Marks the subscription deleted: not listed, not found, never delivered to; its secret dropped. */
export async function deleteSubscription(
  deps: WebhookDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<void> {
  const current = await liveSubscription(deps, actor.tenantId, id);
  const next: WebhookSubscription = {
    ...current,
    deleted: true,
    active: false,
    secret: '',
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.update(SUBSCRIPTION, next, version, {
    actorId: actor.employeeId,
    ...subscriptionPlacement(next),
  });
}

export async function getSubscription(
  deps: WebhookDeps,
  actor: Actor,
  id: string,
): Promise<PublicSubscription> {
  return publicSubscription(await liveSubscription(deps, actor.tenantId, id));
}

/** The agency's live subscriptions, oldest first, a page at a time (a query on their list key). */
export async function listSubscriptions(
  deps: WebhookDeps,
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<PublicSubscription>> {
  const page = await deps.store.list<WebhookSubscription>(SUBSCRIPTION, actor.tenantId, {
    limit: query.limit,
    parentKey: 'live',
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items.map(publicSubscription),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
