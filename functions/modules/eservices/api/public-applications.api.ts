import type { RouteImpls } from '../../../platform/http/group-handler';
import { inTenant } from '../../../platform/tenant-access/context';
import type { PublicApplicationDeps } from '../ports';
import { applicationStatus } from '../usecases/applications/status.usecase';
import { submitApplication } from '../usecases/applications/submit.usecase';
import { startUpload } from '../usecases/applications/uploads.usecase';
import type { publicApplicationRoutes } from './public-applications.routes';

/**
 * The public application API's implementations: each request acts as the agency it names (its
 * scoped credentials, like a signed-in request of that agency).
 */
export const publicApplicationsApi: RouteImpls<typeof publicApplicationRoutes, PublicApplicationDeps> = {
  startApplicationUpload: async (ctx, deps) =>
    inTenant(ctx.params.agency, () => startUpload(deps, ctx.params.agency, ctx.params.code, ctx.body)),
  submitApplication: async (ctx, deps) =>
    inTenant(ctx.params.agency, () =>
      submitApplication(deps, ctx.params.agency, ctx.params.code, ctx.body, ctx.idempotency),
    ),
  getApplicationStatus: async (ctx, deps) =>
    inTenant(ctx.params.agency, () => applicationStatus(deps, ctx.params.agency, ctx.body)),
};
