import type { DocumentKind, DocumentRecord } from '../domain/document';
import type { Operation } from '../domain/status';
import { authed, type RequestContext, type RouteImpl } from '../../../platform/http/group-handler';
import type { DocumentDeps } from '../usecases/common';
import { completeUpload, contentUrl, startUpload, type ContentInput } from '../usecases/contents.usecase';
import { addLink, listLinks } from '../usecases/links.usecase';
import {
  groupUpdate,
  performOperation,
  type GroupUpdateInput,
  type OperationInput,
} from '../usecases/operations.usecase';
import {
  cardOf,
  getDocument,
  listDocuments,
  listOperations,
  type DocumentListQuery,
} from '../usecases/query.usecase';
import {
  createDocument,
  updateDocument,
  type DocumentInput,
  type DocumentUpdate,
} from '../usecases/register.usecase';
import { repeatCandidates, type RepeatQuery } from '../usecases/repeat.usecase';
import { getSavedFilters, saveFilters } from '../usecases/saved-filters.usecase';
import { sendDocument } from '../usecases/send.usecase';

const id = (ctx: RequestContext) => String(ctx.params.id);

/** Every answer that is a document carries the operations the caller may do next. */
const card = (ctx: RequestContext, doc: DocumentRecord) => cardOf(authed(ctx).actor, doc);

function create(kind: DocumentKind): RouteImpl {
  return async (ctx, deps) =>
    card(
      ctx,
      await createDocument(
        deps,
        authed(ctx).actor,
        kind,
        ctx.body as DocumentInput<DocumentKind>,
        ctx.idempotency,
      ),
    );
}

function update(kind: DocumentKind): RouteImpl {
  return async (ctx, deps) =>
    card(
      ctx,
      await updateDocument(deps, authed(ctx).actor, id(ctx), kind, ctx.body as DocumentUpdate<DocumentKind>),
    );
}

/** The implementations of the `documents` route group's operations. */
export const documentsApi: Record<string, RouteImpl<DocumentDeps>> = {
  listDocuments: async (ctx, deps) => listDocuments(deps, authed(ctx).actor, ctx.query as DocumentListQuery),
  registerIncoming: create('incoming'),
  registerOutgoing: create('outgoing'),
  createInternal: create('internal'),
  createOrder: create('order'),
  updateIncoming: update('incoming'),
  updateOutgoing: update('outgoing'),
  updateInternal: update('internal'),
  updateOrder: update('order'),
  findRepeatCandidates: async (ctx, deps) =>
    repeatCandidates(deps, authed(ctx).actor, ctx.body as RepeatQuery),
  groupUpdateDocuments: async (ctx, deps) =>
    groupUpdate(deps, authed(ctx).actor, ctx.body as GroupUpdateInput),
  getDocument: async (ctx, deps) => getDocument(deps, authed(ctx).actor, id(ctx)),
  performDocumentOperation: async (ctx, deps) =>
    card(
      ctx,
      await performOperation(
        deps,
        authed(ctx).actor,
        id(ctx),
        ctx.params.operation as Operation,
        ctx.body as OperationInput,
      ),
    ),
  listDocumentOperations: async (ctx, deps) =>
    listOperations(deps, authed(ctx).actor, id(ctx), ctx.query as { limit: number; cursor?: string }),
  sendDocument: async (ctx, deps) =>
    card(
      ctx,
      await sendDocument(deps, authed(ctx).actor, id(ctx), ctx.body as { version: number; note?: string }),
    ),
  listDocumentLinks: async (ctx, deps) => listLinks(deps, authed(ctx).actor, id(ctx)),
  addDocumentLink: async (ctx, deps) =>
    addLink(deps, authed(ctx).actor, id(ctx), ctx.body as Parameters<typeof addLink>[3]),
  startContentUpload: async (ctx, deps) =>
    startUpload(deps, authed(ctx).actor, id(ctx), ctx.body as ContentInput),
  completeContentUpload: async (ctx, deps) =>
    completeUpload(deps, authed(ctx).actor, id(ctx), String(ctx.params.contentId)),
  getContentUrl: async (ctx, deps) =>
    contentUrl(deps, authed(ctx).actor, id(ctx), String(ctx.params.contentId), ctx.query.inline === 'true'),
  getSavedFilters: async (ctx, deps) => getSavedFilters(deps, authed(ctx).actor),
  saveFilters: async (ctx, deps) =>
    saveFilters(deps, authed(ctx).actor, ctx.body as Parameters<typeof saveFilters>[2]),
};
