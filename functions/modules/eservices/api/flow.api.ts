import type { RouteImpls } from '../../../platform/http/group-handler';
import { inTenant } from '../../../platform/tenant-access/context';
import type { ApplicationFlowDeps } from '../ports';
import { confirmApplication } from '../usecases/flow/confirm';
import {
  orderIdOfCallback,
  parseOrderId,
  paymentCallback,
  refused,
  startPayment,
} from '../usecases/flow/payment';
import type { flowRoutes } from './flow.routes';

/** The implementations of the application flow's public operations (anonymous, one agency's data each). */
export const flowApi: RouteImpls<typeof flowRoutes, ApplicationFlowDeps> = {
  confirmApplication: async (ctx, deps) =>
    inTenant(ctx.params.agency, () => confirmApplication(deps, ctx.params.agency, ctx.body)),
  startApplicationPayment: async (ctx, deps) =>
    inTenant(ctx.params.agency, () => startPayment(deps, ctx.params.agency, ctx.body)),
  paymentCallback: async (ctx, deps) => {
    const raw = ctx.raw ?? { body: '', headers: {} };
    // The order id only says which agency's application to check the signed terms against.
    const target = parseOrderId(orderIdOfCallback(raw.body) ?? '');
    if (!target) throw refused('malformed');
    return inTenant(target.tenantId, () => paymentCallback(deps, target, raw));
  },
};
