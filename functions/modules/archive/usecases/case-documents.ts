import type { Actor } from '../../../platform/kernel/aggregate';
import { documentKinds, viewerOf, type DocumentRecord } from '../../documents';
import type { ArchiveDeps } from './deps';

/**
 * The documents of a case file of the nomenclature registered in a year (Baku), of every kind, as
 * the caller may see them, page by page: what `pick` makes of each one it takes (undefined: left
 * out). Closing a case file and its transfer package both read a case file this way.
 */
export async function caseFileDocuments<T>(
  deps: ArchiveDeps,
  actor: Actor,
  input: { nomenclatureId: string; year: number; status?: string[] },
  pick: (doc: DocumentRecord) => T | undefined,
): Promise<T[]> {
  const out: T[] = [];
  for (const kind of documentKinds) {
    let cursor: string | undefined;
    do {
      const page = await deps.documents.list(actor.tenantId, {
        kind,
        order: 'asc',
        limit: 100,
        nomenclatureId: input.nomenclatureId,
        from: `${input.year}-01-01T00:00:00`,
        to: `${input.year + 1}-01-01T00:00:00`,
        ...(input.status ? { status: input.status } : {}),
        viewer: viewerOf(actor),
        ...(cursor ? { cursor } : {}),
      });
      for (const d of page.items) {
        const picked = pick(d);
        if (picked !== undefined) out.push(picked);
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return out;
}
