import { contentKey, type ContentItem, type DocumentRecord } from '../../documents';
import { ConflictError } from '../../../platform/kernel/errors';
import type { ContentText } from './search-item';
import type { SearchDeps } from './deps';

/**
 * Files above this size are not read for their text (the indexer holds a file whole while it
 * extracts): their text record says so, and the document is still found by its requisites.
 */
export const MAX_EXTRACTED_BYTES = 64 * 1024 * 1024;

/** What is stored beside a content file: its text, extracted once. */
export interface StoredText {
  contentId: string;
  sha256: string;
  text: string;
  method: string;
  pages: number;
  extractedAt: string;
  /** Why there is no text (too large, unreadable): the file is not tried again. */
  skipped?: 'too-large' | 'failed' | 'missing';
}

/**
 * Where a content file's text is kept: beside the files in the attachments bucket, one object per
 * file and SHA-256 (a file's bytes never change under its id, so the key names its text for good).
 */
export const contentTextKey = (doc: DocumentRecord, item: Pick<ContentItem, 'id' | 'sha256'>): string =>
  `${doc.tenantId}/search-text/${doc.id}/${item.id}.${item.sha256.toLowerCase()}.json`;

const decoder = new TextDecoder();

export async function storedText(deps: SearchDeps, key: string): Promise<StoredText | undefined> {
  const body = await deps.objects!.get({ bucket: 'attachments', key });
  return body ? (JSON.parse(decoder.decode(body)) as StoredText) : undefined;
}

/** Reads a file and extracts its text (or records why not). */
async function extractText(deps: SearchDeps, doc: DocumentRecord, item: ContentItem): Promise<StoredText> {
  const base = { contentId: item.id, sha256: item.sha256, extractedAt: deps.clock.now().toISOString() };
  const none = (skipped: StoredText['skipped']): StoredText => ({
    ...base,
    text: '',
    method: 'none',
    pages: 0,
    skipped,
  });
  if (item.size > MAX_EXTRACTED_BYTES) return none('too-large');
  const bytes = await deps.objects!.get({
    bucket: 'attachments',
    key: contentKey(doc, item.id),
    ...(item.versionId ? { versionId: item.versionId } : {}),
  });
  if (!bytes) return none('missing');
  try {
    const out = await deps.extractor!.extract({
      bytes,
      mediaType: item.contentType,
      fileName: item.fileName,
    });
    return { ...base, text: out.text, method: out.method, pages: out.pages };
  } catch (error) {
    // A file no extractor reads (damaged, encrypted): recorded, so that no later write retries it.
    deps.log?.warn('search: text extraction failed', {
      tenantId: doc.tenantId,
      documentId: doc.id,
      contentId: item.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return none('failed');
  }
}

/** The content-text machine (statemachines/content-text.asl.json): one execution per file's bytes. */
export const CONTENT_TEXT_MACHINE = 'content-text';

/** A file that may have a text: stored, and not refused by the integrity check. */
export const readable = (c: ContentItem): boolean => c.state === 'stored' && !c.integrity;

/**
 * Extracts one file's text and stores it beside the file (write-once key: a concurrent copy wins).
 * Gives the stored text, or undefined when the file is gone.
 */
export async function storeText(deps: SearchDeps, doc: DocumentRecord, item: ContentItem, key: string) {
  let stored = await extractText(deps, doc, item);
  if (stored.skipped === 'missing') return undefined;
  try {
    await deps.objects!.put({
      bucket: 'attachments',
      key,
      body: new TextEncoder().encode(JSON.stringify(stored)),
      contentType: 'application/json',
    });
  } catch (error) {
    // Another delivery of the same write stored it first (write-once keys): theirs is kept.
    if (!(error instanceof ConflictError && error.code === 'object_exists')) throw error;
    stored = (await storedText(deps, key)) ?? stored;
  }
  return stored;
}

/**
 * A file without its text yet: the content-text machine extracts it (undefined meanwhile), or,
 * without a workflow engine (unit tests), it is extracted here.
 */
async function missingText(
  deps: SearchDeps,
  doc: DocumentRecord,
  item: ContentItem,
  key: string,
): Promise<StoredText | undefined> {
  if (deps.workflow) {
    await deps.workflow.start({
      machine: CONTENT_TEXT_MACHINE,
      // One execution per file's bytes: another write of the document starts nothing new.
      name: `text-${item.id}-${item.sha256.toLowerCase().slice(0, 16)}`.slice(0, 80),
      input: { tenantId: doc.tenantId, documentId: doc.id, contentId: item.id },
    });
    return undefined;
  }
  if (!deps.extractor) return undefined;
  return storeText(deps, doc, item, key);
}

/**
 * The text of each stored content file of a document, extracted once per file. A file without
 * its text object yet is handed to the content-text machine (its own Lambda with Tesseract and its
 * models; the embedded default runs the same machine), which stores the text and indexes the
 * document again; the item goes into the index without that text meanwhile. Without a workflow
 * engine (unit tests) the text is extracted here. Without an object store, no text.
 */
export async function contentTexts(deps: SearchDeps, doc: DocumentRecord): Promise<ContentText[]> {
  if (!deps.objects) return [];
  const out: ContentText[] = [];
  // A disposed document's files are gone (Decree 935 §153.2): their text is no longer searched.
  if (doc.archive?.disposal) return out;
  for (const item of doc.contents.filter(readable)) {
    const key = contentTextKey(doc, item);
    let stored = await storedText(deps, key);
    stored ??= await missingText(deps, doc, item, key);
    if (stored) out.push({ contentId: item.id, text: stored.text, extractedAt: stored.extractedAt });
  }
  return out;
}
