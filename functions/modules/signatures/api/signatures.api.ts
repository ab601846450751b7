import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import { getSingleFile, rebuildSingleFile, type SingleFileDeps } from '../usecases/single-file.usecase';
import { getPrintFile } from '../usecases/print.usecase';
import type { signatureRoutes } from './signatures.routes';

/** The implementations of the `signatures` route group's operations. */
export const signaturesApi: RouteImpls<typeof signatureRoutes, SingleFileDeps> = {
  getSingleFile: async (ctx, deps) => getSingleFile(deps, authed(ctx).actor, ctx.params.id),
  rebuildSingleFile: async (ctx, deps) =>
    rebuildSingleFile(deps, authed(ctx).actor, ctx.params.id, ctx.body.version),
  getPrintFile: async (ctx, deps) => getPrintFile(deps, authed(ctx).actor, ctx.params.id),
};
