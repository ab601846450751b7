import type { RouteImpls } from '../../../platform/http/group-handler';
import type { EVisaKeyDeps } from '../ports';
import { evisaKeySet, verifyEVisa } from '../usecases/results/verify.usecase';
import type { verifyRoutes } from './verify.routes';

/** The public e-visa key set and code check: no tenant, no table (the code and the key are all). */
export const verifyApi: RouteImpls<typeof verifyRoutes, EVisaKeyDeps> = {
  getEVisaKeys: async (_ctx, deps) => evisaKeySet(deps),
  verifyEVisa: async (ctx, deps) => verifyEVisa(deps, ctx.body.code),
};
