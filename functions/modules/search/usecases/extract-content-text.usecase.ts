import { contentTextKey, readable, storeText, storedText } from './content-text';
import { indexDocument } from './index-document.usecase';
import type { SearchDeps } from './deps';

/**
 * The content-text machine's task: extracts one file's text (unless it is stored already), stores
 * it and puts the document into the index again with it. A document removed or disposed of, or a
 * file no longer stored, has nothing to extract.
 */
export async function extractContentText(
  deps: SearchDeps,
  ref: { tenantId: string; documentId: string; contentId: string },
): Promise<{ state: 'indexed' | 'gone'; method?: string }> {
  const doc = await deps.documents.get(ref.tenantId, ref.documentId);
  const item = doc?.contents.find((c) => c.id === ref.contentId);
  if (!doc || !item || !readable(item) || doc.archive?.disposal) return { state: 'gone' };
  const key = contentTextKey(doc, item);
  const stored = (await storedText(deps, key)) ?? (await storeText(deps, doc, item, key));
  if (!stored) return { state: 'gone' };
  if (deps.searchEnabled) await indexDocument(deps, ref.tenantId, ref.documentId);
  return { state: 'indexed', method: stored.method };
}
