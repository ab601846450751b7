import { documentKinds } from '../../documents';
import { searchDocumentOf } from './search-item';
import { contentTexts } from './content-text';
import type { SearchDeps } from './deps';

/**
 * Puts a document's current state into the index (or takes it out when the document is gone).
 * Reads the table, not the stream image: whatever order the stream delivers writes in, the index
 * ends with the latest state, and the item's version keeps an older delivery from undoing a newer.
 */
export async function indexDocument(deps: SearchDeps, tenantId: string, documentId: string): Promise<void> {
  const doc = await deps.documents.get(tenantId, documentId);
  if (!doc) {
    await deps.search.remove([{ tenantId, id: documentId, version: deps.clock.now().toISOString() }]);
    return;
  }
  const [assignments, texts] = await Promise.all([
    deps.documents.assignments(tenantId, documentId),
    contentTexts(deps, doc),
  ]);
  await deps.search.upsert([searchDocumentOf(doc, assignments, texts)]);
}

/** The register of agencies with documents (kept by the archive for its nightly seals). */
const TENANT_REGISTER = { type: 'archive-tenant', partition: '_archive' } as const;

export interface RebuildProgress {
  tenantId: string;
  indexed: number;
}

/**
 * Rebuilds the index from the table: every document of every agency, page by page (queries on each
 * kind's index per agency, never a scan), each item with its resolutions and contents' texts. The
 * agencies are those of the archive's register (every agency a document was written for) and any
 * named in `tenants`. Idempotent: items already as new in the index are left as they are.
 */
export async function rebuildSearchIndex(
  deps: SearchDeps,
  options: { tenants?: readonly string[]; onProgress?: (p: RebuildProgress) => void; pageSize?: number } = {},
): Promise<{ tenants: number; indexed: number }> {
  const tenants = new Set(options.tenants ?? []);
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<{
      id: string;
      tenantId: string;
      version: number;
      createdAt: string;
      updatedAt: string;
    }>(TENANT_REGISTER.type, TENANT_REGISTER.partition, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const t of page.items) tenants.add(t.id);
    cursor = page.nextCursor;
  } while (cursor);
  let indexed = 0;
  const limit = options.pageSize ?? 50;
  for (const tenantId of [...tenants].sort()) {
    let count = 0;
    for (const kind of documentKinds) {
      let next: string | undefined;
      do {
        const page = await deps.documents.everyOfKind(tenantId, kind, {
          limit,
          ...(next ? { cursor: next } : {}),
        });
        const items = [];
        for (const doc of page.items) {
          const [assignments, texts] = await Promise.all([
            deps.documents.assignments(tenantId, doc.id),
            contentTexts(deps, doc),
          ]);
          items.push(searchDocumentOf(doc, assignments, texts));
        }
        if (items.length) await deps.search.upsert(items);
        count += items.length;
        indexed += items.length;
        options.onProgress?.({ tenantId, indexed: count });
        next = page.nextCursor;
      } while (next);
    }
  }
  return { tenants: tenants.size, indexed };
}
