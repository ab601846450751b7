import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import { getTransfer, listTransfers, requestTransfer, transferPackage } from '../usecases/transfer.usecase';
import type { ArchiveDeps } from '../usecases/deps';
import type { transferRoutes } from './transfer.routes';

/** The implementations of the transfer packages' operations (part of the `archive` route group). */
export const transferApi: RouteImpls<typeof transferRoutes, ArchiveDeps> = {
  requestArchiveTransfer: async (ctx, deps) =>
    requestTransfer(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  listArchiveTransfers: async (ctx, deps) => listTransfers(deps, authed(ctx).actor, ctx.query),
  getArchiveTransfer: async (ctx, deps) => getTransfer(deps, authed(ctx).actor, ctx.params.id),
  getArchiveTransferPackage: async (ctx, deps) => transferPackage(deps, authed(ctx).actor, ctx.params.id),
};
