import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import {
  cancelDisposalAct,
  disposalPreview,
  drawUpDisposalAct,
  getDisposalAct,
  listDisposalActs,
} from '../usecases/disposal.usecase';
import { listHoldings } from '../usecases/holdings.usecase';
import { listReports, requestCheck } from '../usecases/integrity.usecase';
import { closeCaseFile, readArchivedObject, setLegalHold, verifyDocument } from '../usecases/records.usecase';
import type { ArchiveDeps } from '../usecases/deps';
import type { archiveRoutes } from './archive.routes';
import { transferApi } from './transfer.api';

/** The implementations of the `archive` route group's operations. */
export const archiveApi: RouteImpls<typeof archiveRoutes, ArchiveDeps> = {
  listArchiveHoldings: async (ctx, deps) => listHoldings(deps, authed(ctx).actor, ctx.query),
  closeCaseFile: async (ctx, deps) => closeCaseFile(deps, authed(ctx).actor, ctx.body),
  setArchiveLegalHold: async (ctx, deps) => setLegalHold(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  verifyArchivedDocument: async (ctx, deps) => verifyDocument(deps, authed(ctx).actor, ctx.params.id),
  getArchivedSingleFile: async (ctx, deps) =>
    readArchivedObject(deps, authed(ctx).actor, ctx.params.id, { role: 'single-file' }),
  getArchivedContent: async (ctx, deps) =>
    readArchivedObject(deps, authed(ctx).actor, ctx.params.id, {
      role: 'content',
      contentId: ctx.params.contentId,
    }),
  listIntegrityReports: async (ctx, deps) => listReports(deps, authed(ctx).actor, ctx.query),
  requestIntegrityCheck: async (ctx, deps) => requestCheck(deps, authed(ctx).actor),
  previewDisposal: async (ctx, deps) => disposalPreview(deps, authed(ctx).actor),
  listDisposalActs: async (ctx, deps) => listDisposalActs(deps, authed(ctx).actor, ctx.query),
  drawUpDisposalAct: async (ctx, deps) =>
    drawUpDisposalAct(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  getDisposalAct: async (ctx, deps) => getDisposalAct(deps, authed(ctx).actor, ctx.params.id),
  cancelDisposalAct: async (ctx, deps) => cancelDisposalAct(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  ...transferApi,
};
