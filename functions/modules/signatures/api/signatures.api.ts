import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { SignaturesDeps } from '../usecases/deps';
import { getSingleFile, rebuildSingleFile } from '../usecases/single-file.usecase';
import { getPrintFile } from '../usecases/print.usecase';
import { verifySingleFile } from '../usecases/verify.usecase';
import type { signatureRoutes } from './signatures.routes';

/** The implementations of the `signatures` route group's operations. */
export const signaturesApi: RouteImpls<typeof signatureRoutes, SignaturesDeps> = {
  getSingleFile: async (ctx, deps) => getSingleFile(deps, authed(ctx).actor, ctx.params.id),
  rebuildSingleFile: async (ctx, deps) =>
    rebuildSingleFile(deps, authed(ctx).actor, ctx.params.id, ctx.body.version),
  getPrintFile: async (ctx, deps) => getPrintFile(deps, authed(ctx).actor, ctx.params.id),
  verifySingleFile: async (ctx, deps) => verifySingleFile(deps, authed(ctx).actor, ctx.params.id),
};
