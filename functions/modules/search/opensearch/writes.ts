/**
 * Upserts and removes as `_bulk` update actions with a Painless script that compares versions, so
 * a replayed or out-of-order delivery never puts an older state back. OpenSearch's external
 * versioning needs a number (our versions are ISO instants) and is refused by `_update`; a script
 * works on OpenSearch Serverless search collections and on managed domains alike.
 */
import type { SearchDocument } from '../domain/search-document';

type Json = Record<string, unknown>;

/** Documents of all tenants share the index; the id carries the tenant. */
export function docId(tenantId: string, id: string): string {
  return `${tenantId}:${id}`;
}

/**
 * A version as text that sorts like the version: decimal counters are padded to 20 digits, ISO
 * instants are written the one way `toISOString` does (`…00Z` and `…00.000Z` would not sort).
 */
export function versionKey(version: string): string {
  if (/^\d+$/.test(version)) return version.padStart(20, '0');
  const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;
  return isoInstant.test(version) ? new Date(version).toISOString() : version;
}

/** Replaces the stored item when the new one is newer (or nothing is stored); else does nothing. */
export const upsertScript = [
  'def old = ctx._source.version;',
  "if (old != null && params.doc.version.compareTo(old) <= 0) { ctx.op = 'none'; }",
  'else { ctx._source.clear(); ctx._source.putAll(params.doc); }',
].join(' ');

/** Leaves a tombstone (tenant, id, version) when the delete is not older than the stored item. */
export const removeScript = [
  'def old = ctx._source.version;',
  "if (old != null && params.version.compareTo(old) < 0) { ctx.op = 'none'; }",
  'else {',
  'ctx._source.clear();',
  'ctx._source.tenantId = params.tenantId;',
  'ctx._source.id = params.id;',
  'ctx._source.version = params.version;',
  'ctx._source.deleted = true;',
  '}',
].join(' ');

/** The stored form of an item: the document, its version made sortable, not deleted. */
export function storedDocument(doc: SearchDocument): Json {
  return { ...doc, version: versionKey(doc.version), deleted: false };
}

export function upsertActions(index: string, docs: readonly SearchDocument[]): Json[] {
  return docs.flatMap((doc) => [
    { update: { _index: index, _id: docId(doc.tenantId, doc.id), retry_on_conflict: 5 } },
    {
      scripted_upsert: true,
      upsert: {},
      script: { lang: 'painless', source: upsertScript, params: { doc: storedDocument(doc) } },
    },
  ]);
}

export function removeActions(
  index: string,
  refs: readonly { tenantId: string; id: string; version: string }[],
): Json[] {
  return refs.flatMap((ref) => [
    { update: { _index: index, _id: docId(ref.tenantId, ref.id), retry_on_conflict: 5 } },
    {
      scripted_upsert: true,
      upsert: {},
      script: {
        lang: 'painless',
        source: removeScript,
        params: { tenantId: ref.tenantId, id: ref.id, version: versionKey(ref.version) },
      },
    },
  ]);
}

/** The part of a `_bulk` response read here. */
export interface BulkResponseBody {
  errors: boolean;
  items: Record<string, { _id?: string; status: number; error?: { type?: string; reason?: string } }>[];
}

/** Failed items of a bulk response, as readable lines (empty when every item succeeded). */
export function bulkFailures(body: BulkResponseBody): string[] {
  if (!body.errors) return [];
  return body.items.flatMap((item) =>
    Object.values(item)
      .filter((r) => r.status >= 300)
      .map((r) => `${r._id ?? '?'}: ${r.status} ${r.error?.type ?? ''} ${r.error?.reason ?? ''}`.trim()),
  );
}
