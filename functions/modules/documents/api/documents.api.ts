import type { DocumentKind } from '../domain/document';
import { authed, type RequestContext, type RouteImpls } from '../../../platform/http/group-handler';
import type { DocumentDeps } from '../usecases/common';
import { completeUpload, contentUrl, startUpload } from '../usecases/contents.usecase';
import { addLink, listLinks } from '../usecases/links.usecase';
import { groupUpdate, performOperation } from '../usecases/operations.usecase';
import { groupArchive } from '../usecases/group.usecase';
import { exportRows } from '../usecases/export.usecase';
import { bakuLocalDate } from '../domain/date-filter';
import { withReasons } from '../../../platform/http/group-results';
import { exportWorkbook } from './export.sheet';
import { cardOf, getDocument, listDocuments, listOperations } from '../usecases/query.usecase';
import {
  createDocument,
  updateDocument,
  type DocumentInput,
  type DocumentUpdate,
} from '../usecases/register.usecase';
import { repeatCandidates } from '../usecases/repeat.usecase';
import { getSavedFilters, saveFilters } from '../usecases/saved-filters.usecase';
import { sendDocument } from '../usecases/send.usecase';
import type { documentRoutes } from './documents.routes';
import { withOwnRoute } from './own-routes';

/** Registration of one kind; the map below checks that the kind's route takes `DocumentInput<K>`. */
function create<K extends DocumentKind>(kind: K) {
  return async (ctx: RequestContext<unknown, unknown, DocumentInput<K>>, deps: DocumentDeps) => {
    const actor = authed(ctx).actor;
    return cardOf(actor, await createDocument(deps, actor, kind, ctx.body, ctx.idempotency));
  };
}

function update<K extends DocumentKind>(kind: K) {
  return async (ctx: RequestContext<{ id: string }, unknown, DocumentUpdate<K>>, deps: DocumentDeps) => {
    const actor = authed(ctx).actor;
    return cardOf(actor, await updateDocument(deps, actor, ctx.params.id, kind, ctx.body));
  };
}

/**
 * The implementations of the `documents` route group's operations. Every answer that is a
 * document carries the operations the caller may do next (`cardOf`).
 */
export const documentsApi: RouteImpls<typeof documentRoutes, DocumentDeps> = {
  listDocuments: async (ctx, deps) => listDocuments(deps, authed(ctx).actor, ctx.query),
  registerIncoming: create('incoming'),
  registerOutgoing: create('outgoing'),
  createInternal: create('internal'),
  createOrder: create('order'),
  updateIncoming: update('incoming'),
  updateOutgoing: update('outgoing'),
  updateInternal: update('internal'),
  updateOrder: update('order'),
  findRepeatCandidates: async (ctx, deps) => repeatCandidates(deps, authed(ctx).actor, ctx.body),
  groupUpdateDocuments: async (ctx, deps) =>
    withReasons(await groupUpdate(deps, authed(ctx).actor, ctx.body), ctx.lang),
  groupArchiveDocuments: async (ctx, deps) =>
    withReasons(await groupArchive(deps, authed(ctx).actor, ctx.body, ctx.idempotency), ctx.lang),
  exportDocuments: async (ctx, deps) =>
    exportWorkbook(
      exportRows(deps, authed(ctx).actor, ctx.body),
      ctx.lang,
      bakuLocalDate(deps.clock.now().toISOString()),
    ),
  getDocument: async (ctx, deps) => getDocument(deps, authed(ctx).actor, ctx.params.id),
  performDocumentOperation: async (ctx, deps) => {
    const actor = authed(ctx).actor;
    const { id, operation } = ctx.params;
    try {
      return cardOf(actor, await performOperation(deps, actor, id, operation, ctx.body));
    } catch (error) {
      // An operation with a route of its own: the answer says which route to call.
      throw withOwnRoute(error);
    }
  },
  listDocumentOperations: async (ctx, deps) =>
    listOperations(deps, authed(ctx).actor, ctx.params.id, ctx.query),
  sendDocument: async (ctx, deps) => {
    const actor = authed(ctx).actor;
    return cardOf(actor, await sendDocument(deps, actor, ctx.params.id, ctx.body));
  },
  listDocumentLinks: async (ctx, deps) => listLinks(deps, authed(ctx).actor, ctx.params.id),
  addDocumentLink: async (ctx, deps) => addLink(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  startContentUpload: async (ctx, deps) => startUpload(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  completeContentUpload: async (ctx, deps) =>
    completeUpload(deps, authed(ctx).actor, ctx.params.id, ctx.params.contentId),
  getContentUrl: async (ctx, deps) =>
    contentUrl(deps, authed(ctx).actor, ctx.params.id, ctx.params.contentId, ctx.query.inline === 'true'),
  getSavedFilters: async (ctx, deps) => getSavedFilters(deps, authed(ctx).actor),
  saveFilters: async (ctx, deps) => saveFilters(deps, authed(ctx).actor, ctx.body),
};
