import type { DocumentKind, DocumentRecord } from '../domain/documents/document';
import type { Operation } from '../domain/documents/status';
import { authed, createGroupHandler, type RequestContext, type RouteImpl } from '../http/group-handler';
import { resolveActor } from '../usecases/org/actor.usecase';
import type { DocumentDeps } from '../usecases/documents/common';
import {
  completeUpload,
  contentUrl,
  startUpload,
  type ContentInput,
} from '../usecases/documents/contents.usecase';
import { addLink, listLinks } from '../usecases/documents/links.usecase';
import {
  groupUpdate,
  performOperation,
  type GroupUpdateInput,
  type OperationInput,
} from '../usecases/documents/operations.usecase';
import {
  cardOf,
  getDocument,
  listDocuments,
  listOperations,
  type DocumentListQuery,
} from '../usecases/documents/query.usecase';
import {
  createDocument,
  updateDocument,
  type DocumentInput,
  type DocumentUpdate,
} from '../usecases/documents/register.usecase';
import { repeatCandidates, type RepeatQuery } from '../usecases/documents/repeat.usecase';
import { getSavedFilters, saveFilters } from '../usecases/documents/saved-filters.usecase';
import { sendDocument } from '../usecases/documents/send.usecase';
import { getContainer } from '../wiring/container';

const deps = (): DocumentDeps => getContainer();
const id = (ctx: RequestContext) => String(ctx.params.id);

/** Every answer that is a document carries the operations the caller may do next. */
const card = (ctx: RequestContext, doc: DocumentRecord) => cardOf(authed(ctx).actor, doc);

function create(kind: DocumentKind): RouteImpl {
  return async (ctx) =>
    card(
      ctx,
      await createDocument(
        deps(),
        authed(ctx).actor,
        kind,
        ctx.body as DocumentInput<DocumentKind>,
        ctx.idempotency,
      ),
    );
}

function update(kind: DocumentKind): RouteImpl {
  return async (ctx) =>
    card(
      ctx,
      await updateDocument(
        deps(),
        authed(ctx).actor,
        id(ctx),
        kind,
        ctx.body as DocumentUpdate<DocumentKind>,
      ),
    );
}

export const handler = createGroupHandler(
  'documents',
  {
    listDocuments: async (ctx) => listDocuments(deps(), authed(ctx).actor, ctx.query as DocumentListQuery),
    registerIncoming: create('incoming'),
    registerOutgoing: create('outgoing'),
    createInternal: create('internal'),
    createOrder: create('order'),
    updateIncoming: update('incoming'),
    updateOutgoing: update('outgoing'),
    updateInternal: update('internal'),
    updateOrder: update('order'),
    findRepeatCandidates: async (ctx) => repeatCandidates(deps(), authed(ctx).actor, ctx.body as RepeatQuery),
    groupUpdateDocuments: async (ctx) => groupUpdate(deps(), authed(ctx).actor, ctx.body as GroupUpdateInput),
    getDocument: async (ctx) => getDocument(deps(), authed(ctx).actor, id(ctx)),
    performDocumentOperation: async (ctx) =>
      card(
        ctx,
        await performOperation(
          deps(),
          authed(ctx).actor,
          id(ctx),
          ctx.params.operation as Operation,
          ctx.body as OperationInput,
        ),
      ),
    listDocumentOperations: async (ctx) =>
      listOperations(deps(), authed(ctx).actor, id(ctx), ctx.query as { limit: number; cursor?: string }),
    sendDocument: async (ctx) =>
      card(
        ctx,
        await sendDocument(
          deps(),
          authed(ctx).actor,
          id(ctx),
          ctx.body as { version: number; note?: string },
        ),
      ),
    listDocumentLinks: async (ctx) => listLinks(deps(), authed(ctx).actor, id(ctx)),
    addDocumentLink: async (ctx) =>
      addLink(deps(), authed(ctx).actor, id(ctx), ctx.body as Parameters<typeof addLink>[3]),
    startContentUpload: async (ctx) =>
      startUpload(deps(), authed(ctx).actor, id(ctx), ctx.body as ContentInput),
    completeContentUpload: async (ctx) =>
      completeUpload(deps(), authed(ctx).actor, id(ctx), String(ctx.params.contentId)),
    getContentUrl: async (ctx) =>
      contentUrl(
        deps(),
        authed(ctx).actor,
        id(ctx),
        String(ctx.params.contentId),
        ctx.query.inline === 'true',
      ),
    getSavedFilters: async (ctx) => getSavedFilters(deps(), authed(ctx).actor),
    saveFilters: async (ctx) =>
      saveFilters(deps(), authed(ctx).actor, ctx.body as Parameters<typeof saveFilters>[2]),
  },
  () => ({ verifier: getContainer().verifier, resolveActor: (p) => resolveActor(getContainer(), p) }),
);
