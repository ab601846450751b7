import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { Deps } from '../../../platform/kernel/aggregates';
import { getMyNotifications, updateMyNotifications } from '../../org';
import type { notificationRoutes } from './notifications.routes';

/** The implementations of the notice preferences' operations (the `execution` route group). */
export const notificationsApi: RouteImpls<typeof notificationRoutes, Deps> = {
  getMyNotifications: async (ctx, deps) => getMyNotifications(deps, authed(ctx).actor),
  updateMyNotifications: async (ctx, deps) => updateMyNotifications(deps, authed(ctx).actor, ctx.body),
};
