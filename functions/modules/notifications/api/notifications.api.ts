import { authed, type RouteImpl } from '../../../platform/http/group-handler';
import { getMyNotifications, updateMyNotifications, type NotificationPreferences } from '../../org';

/** The implementations of the notice preferences' operations (the `execution` route group). */
export const notificationsApi: Record<string, RouteImpl> = {
  getMyNotifications: async (ctx, deps) => getMyNotifications(deps, authed(ctx).actor),
  updateMyNotifications: async (ctx, deps) =>
    updateMyNotifications(deps, authed(ctx).actor, ctx.body as NotificationPreferences & { version: number }),
};
