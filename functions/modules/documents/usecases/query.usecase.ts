import { setFields } from '../../../platform/kernel/objects';
import type * as z from 'zod';
import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { parseDateFilter } from '../domain/date-filter';
import { documentKinds, type DocumentRecord } from '../domain/document';
import { allowedOperations, statusesOf } from '../domain/status';
import { foldText } from '../domain/similarity';
import { exactFilters, numberKey } from '../domain/indexing';
import { BadRequestError } from '../../../platform/kernel/errors';
import type { DocumentQuery } from '../ports';
import type { documentListQuery } from './inputs';
import { assertFilterReferences, noteRead, viewerOf, visibleDocument, type DocumentDeps } from './common';
import { permitted } from './operations.usecase';

export type DocumentListQuery = z.output<typeof documentListQuery>;

/** A filter-row date (or range) as Baku local bounds; a malformed one is a 400 naming `path`. */
export function dateRange(value: string | undefined, path: string) {
  if (!value) return undefined;
  const parsed = parseDateFilter(value);
  if (!parsed.ok)
    throw new BadRequestError([{ path, code: 'invalid_date_filter', params: parsed.error.params }]);
  return parsed.range;
}

/** The filter row's conditions as a store query (the kind is optional for personal lists). */
export function documentQueryOf(
  q: Omit<DocumentListQuery, 'kind'> & { kind?: DocumentListQuery['kind'] },
): Omit<DocumentQuery, 'kind' | 'viewer'> & { kind?: DocumentQuery['kind'] } {
  const registered = dateRange(q.registered, 'registered');
  const documentDate = dateRange(q.documentDate, 'documentDate');
  const statuses = q.status
    ? q.status
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const known = q.kind ? statusesOf(q.kind) : documentKinds.flatMap((k) => statusesOf(k));
  const unknownStatus = statuses?.find((s) => !known.includes(s));
  if (unknownStatus) throw new BadRequestError([{ path: 'status', code: 'invalid_value' }]);
  return {
    ...(q.kind ? { kind: q.kind } : {}),
    order: q.order,
    limit: q.limit,
    ...(q.cursor ? { cursor: q.cursor } : {}),
    ...(registered?.from ? { from: registered.from } : {}),
    ...(registered?.to ? { to: registered.to } : {}),
    ...(statuses?.length ? { status: statuses } : {}),
    // Numbers match by prefix, whatever the case and the separators typed.
    ...(q.number && numberKey(q.number) ? { numberPrefix: numberKey(q.number) } : {}),
    ...(q.documentNumber && numberKey(q.documentNumber)
      ? { documentNumberPrefix: numberKey(q.documentNumber) }
      : {}),
    ...(documentDate?.from ? { documentDateFrom: documentDate.from.slice(0, 10) } : {}),
    ...(documentDate?.to ? { documentDateTo: documentDate.to.slice(0, 10) } : {}),
    ...(q.summary && foldText(q.summary) ? { summaryContains: foldText(q.summary) } : {}),
    ...(q.party && foldText(q.party) ? { partyContains: foldText(q.party) } : {}),
    ...setFields(q, exactFilters),
    ...(q.controlled ? { controlled: q.controlled === 'true' } : {}),
  };
}

/** A list of one kind with the filter row's conditions: a query on the kind's index, never a scan. */
export async function listDocuments(
  deps: DocumentDeps,
  actor: Actor,
  q: DocumentListQuery,
): Promise<Page<DocumentRecord>> {
  await assertFilterReferences(deps, actor.tenantId, q);
  const query: DocumentQuery = {
    ...documentQueryOf(q),
    kind: q.kind,
    viewer: viewerOf(actor),
  };
  return deps.documents.list(actor.tenantId, query);
}

/** The card: the document and the operations its status allows. */
export async function getDocument(deps: DocumentDeps, actor: Actor, id: string) {
  const doc = await visibleDocument(deps, actor, id);
  await noteRead(deps, actor, doc, 'card');
  return cardOf(actor, doc);
}

/** A document with the operations the caller may do now (answers of every write carry them too). */
export function cardOf(actor: Actor, doc: DocumentRecord) {
  // Only what the status allows and the caller may do: the card shows exactly these actions.
  const allowed = allowedOperations(doc.kind, doc.status).filter((op) => permitted(actor, doc, op));
  return { ...doc, allowedOperations: allowed };
}

export async function listOperations(
  deps: DocumentDeps,
  actor: Actor,
  id: string,
  page: { limit: number; cursor?: string },
) {
  await visibleDocument(deps, actor, id);
  return deps.documents.operations(actor.tenantId, id, page);
}
