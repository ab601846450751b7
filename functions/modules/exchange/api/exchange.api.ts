import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { ExchangeDeps } from '../ports';
import { exportEvidence } from '../usecases/evidence.usecase';
import { getReceived, listReceived, receivedFileLink } from '../usecases/queue.usecase';
import { refuseReceived } from '../usecases/refuse.usecase';
import { registerReceived } from '../usecases/register.usecase';
import { getExchangeSettings, putExchangeSettings } from '../usecases/settings.usecase';
import { reverifyReceived } from '../usecases/verify.usecase';
import type { exchangeRoutes } from './exchange.routes';

/** The implementations of the `exchange` route group. */
export const exchangeApi: RouteImpls<typeof exchangeRoutes, ExchangeDeps> = {
  listReceived: async (ctx, deps) => listReceived(deps, authed(ctx).actor, ctx.query),
  getReceived: async (ctx, deps) => getReceived(deps, authed(ctx).actor, ctx.params.id),
  verifyReceived: async (ctx, deps) => reverifyReceived(deps, authed(ctx).actor, ctx.params.id),
  getReceivedFile: async (ctx, deps) =>
    receivedFileLink(deps, authed(ctx).actor, ctx.params.id, ctx.params.index),
  registerReceived: async (ctx, deps) => registerReceived(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  refuseReceived: async (ctx, deps) => refuseReceived(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  getExchangeSettings: async (ctx, deps) => getExchangeSettings(deps, authed(ctx).actor),
  putExchangeSettings: async (ctx, deps) => putExchangeSettings(deps, authed(ctx).actor, ctx.body),
  getExchangeEvidence: async (ctx, deps) => exportEvidence(deps, authed(ctx).actor, ctx.params.id),
};
