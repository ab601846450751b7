import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import { viewerOf } from '../../documents';
import type { ReportDeps } from '../ports';
import { checkControlQuery, controlPage } from '../usecases/control.usecase';
import { dashboard } from '../usecases/dashboard.usecase';
import { exportDownload, getExport, listExports, requestExport } from '../usecases/export.usecase';
import { checkJournalQuery, journalPage } from '../usecases/journal.usecase';
import type { reportRoutes } from './reports.routes';

/** The implementations of the `reports` route group. */
export const reportsApi: RouteImpls<typeof reportRoutes, ReportDeps> = {
  controlReport: async (ctx, deps) => {
    const { actor } = authed(ctx);
    await checkControlQuery(deps, actor.tenantId, ctx.query);
    return controlPage(
      deps,
      { tenantId: actor.tenantId, viewer: viewerOf(actor), lang: ctx.lang },
      ctx.query,
    );
  },
  journalReport: async (ctx, deps) => {
    const { actor } = authed(ctx);
    await checkJournalQuery(deps, actor.tenantId, ctx.query);
    return journalPage(
      deps,
      { tenantId: actor.tenantId, viewer: viewerOf(actor), lang: ctx.lang },
      ctx.query,
    );
  },
  reportsDashboard: async (ctx, deps) => {
    const { actor } = authed(ctx);
    return dashboard(deps, { tenantId: actor.tenantId, viewer: viewerOf(actor), lang: ctx.lang }, ctx.query);
  },
  requestReportExport: async (ctx, deps) =>
    requestExport(deps, authed(ctx).actor, ctx.lang, ctx.body, ctx.idempotency),
  listReportExports: async (ctx, deps) => listExports(deps, authed(ctx).actor, ctx.query),
  getReportExport: async (ctx, deps) => getExport(deps, authed(ctx).actor, ctx.params.id),
  getReportExportFile: async (ctx, deps) => exportDownload(deps, authed(ctx).actor, ctx.params.id),
};
