import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import { getSmsSettings, updateSmsSettings, type SmsSettingsDeps } from '../usecases/sms-settings.usecase';
import type { smsSettingsRoutes } from './sms-settings.routes';

/** The implementations of the agency's SMS setting (the `org` route group). */
export const smsSettingsApi: RouteImpls<typeof smsSettingsRoutes, SmsSettingsDeps> = {
  getSmsSettings: async (ctx, deps) => getSmsSettings(deps, authed(ctx).actor),
  updateSmsSettings: async (ctx, deps) => updateSmsSettings(deps, authed(ctx).actor, ctx.body),
};
