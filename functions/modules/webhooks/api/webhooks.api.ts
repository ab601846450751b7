import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import { isPublicLiteral } from '../outbound/address';
import type { WebhookAdminDeps } from '../ports';
import { listDeliveries } from '../usecases/deliveries.usecase';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  rotateSecret,
  updateSubscription,
} from '../usecases/subscriptions.usecase';
import type { webhookRoutes } from './webhooks.routes';

/** The implementations of the `webhooks` route group's operations. */
export const webhooksApi: RouteImpls<typeof webhookRoutes, WebhookAdminDeps> = {
  listWebhookSubscriptions: async (ctx, deps) => listSubscriptions(deps, authed(ctx).actor, ctx.query),
  createWebhookSubscription: async (ctx, deps) =>
    createSubscription(deps, authed(ctx).actor, ctx.body, isPublicLiteral, ctx.idempotency),
  getWebhookSubscription: async (ctx, deps) => getSubscription(deps, authed(ctx).actor, ctx.params.id),
  updateWebhookSubscription: async (ctx, deps) =>
    updateSubscription(deps, authed(ctx).actor, ctx.params.id, ctx.body, isPublicLiteral),
  deleteWebhookSubscription: async (ctx, deps) => {
    await deleteSubscription(deps, authed(ctx).actor, ctx.params.id, ctx.body.version);
    return undefined;
  },
  rotateWebhookSecret: async (ctx, deps) =>
    rotateSecret(deps, authed(ctx).actor, ctx.params.id, ctx.body.version),
  listWebhookDeliveries: async (ctx, deps) =>
    listDeliveries(deps, authed(ctx).actor, ctx.params.id, ctx.query),
};
