import { describe, expect, it } from 'vitest';
import {
  indexDocument,
  rebuildSearchIndex,
} from '../../../functions/modules/search/usecases/index-document.usecase';
import {
  contentTextKey,
  CONTENT_TEXT_MACHINE,
} from '../../../functions/modules/search/usecases/content-text';
import { extractContentText } from '../../../functions/modules/search/usecases/extract-content-text.usecase';
import type { ContentItem } from '../../../functions/modules/documents/domain/document';
import { assignment, documentRecord, T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';
import { CountingExtractor, RecordingIndex } from './recording-index';

const scan = new TextEncoder().encode('Sahə İSTANBUL küçəsində');

function content(id: string, overrides: Partial<ContentItem> = {}): ContentItem {
  return {
    id,
    fileName: `${id}.png`,
    contentType: 'image/png',
    size: scan.byteLength,
    sha256: 'ab'.repeat(32),
    state: 'stored',
    addedAt: T0,
    addedBy: 'clerk',
    ...overrides,
  };
}

/** Without a workflow engine: the texts are extracted in line. */
function world() {
  const { workflow: _machines, ...rest } = memoryDeps();
  return { ...rest, search: new RecordingIndex(), searchEnabled: true, extractor: new CountingExtractor() };
}

/** With the workflow engine (every Lambda, the embedded default): the content-text machine extracts. */
function withMachine() {
  return {
    ...memoryDeps(),
    search: new RecordingIndex(),
    searchEnabled: true,
    extractor: new CountingExtractor(),
  };
}

describe('indexDocument', () => {
  it('indexes a document with its resolutions and the text of its stored files, extracted once', async () => {
    // Arrange
    const deps = world();
    const doc = documentRecord('d1', { contents: [content('c1'), content('c2', { state: 'pending' })] });
    deps.documents.seed({
      documents: [doc],
      assignments: [assignment('r1', { documentId: 'd1', kind: 'resolution', text: 'İcra edilsin' })],
    });
    deps.objects.upload('attachments', 't1/documents/d1/c1', scan, 'image/png');

    // Act
    await indexDocument(deps, 't1', 'd1');
    await indexDocument(deps, 't1', 'd1');

    // Assert
    expect(deps.search.items.get('t1#d1')).toMatchObject({
      resolutions: ['İcra edilsin'],
      contentText: 'Sahə İSTANBUL küçəsində',
    });
    // The pending file is not read; the stored one is read and extracted once, its text kept beside it.
    expect(deps.extractor.calls).toBe(1);
    const stored = await deps.objects.get({ bucket: 'attachments', key: contentTextKey(doc, content('c1')) });
    expect(JSON.parse(new TextDecoder().decode(stored))).toMatchObject({
      contentId: 'c1',
      text: 'Sahə İSTANBUL küçəsində',
      method: 'ocr',
    });
  });

  it('records a file no extractor reads, and does not try it again', async () => {
    const deps = world();
    deps.documents.seed({
      documents: [
        documentRecord('d1', { contents: [content('c1', { contentType: 'application/x-broken' })] }),
      ],
    });
    deps.objects.upload('attachments', 't1/documents/d1/c1', scan);

    await indexDocument(deps, 't1', 'd1');
    await indexDocument(deps, 't1', 'd1');

    expect(deps.extractor.calls).toBe(1);
    expect(deps.search.items.get('t1#d1')?.contentText).toBe('');
    expect(deps.log.lines.map((w) => w.message)).toContain('search: text extraction failed');
  });

  it('hands a file without its text to the content-text machine, whose task stores it and indexes again', async () => {
    // Arrange
    const deps = withMachine();
    const doc = documentRecord('d1', { contents: [content('c1')] });
    deps.documents.seed({ documents: [doc] });
    deps.objects.upload('attachments', 't1/documents/d1/c1', scan, 'image/png');

    // Act: the stream's indexer, twice (two writes of the document), then the machine's task
    await indexDocument(deps, 't1', 'd1');
    await indexDocument(deps, 't1', 'd1');
    const before = deps.search.items.get('t1#d1')?.contentText;
    deps.clock.advance(60_000);
    const outcome = await extractContentText(deps, { tenantId: 't1', documentId: 'd1', contentId: 'c1' });
    const again = await extractContentText(deps, { tenantId: 't1', documentId: 'd1', contentId: 'c1' });

    // Assert
    expect(deps.workflow.started).toEqual([
      {
        machine: CONTENT_TEXT_MACHINE,
        name: `text-c1-${'ab'.repeat(8)}`,
        input: { tenantId: 't1', documentId: 'd1', contentId: 'c1' },
      },
    ]);
    expect(before).toBe('');
    expect(outcome).toEqual({ state: 'indexed', method: 'ocr' });
    expect(again).toEqual({ state: 'indexed', method: 'ocr' });
    expect(deps.extractor.calls).toBe(1);
    expect(deps.search.items.get('t1#d1')?.contentText).toBe('Sahə İSTANBUL küçəsində');
  });

  it('gives the machine nothing to extract for a file gone or a document disposed of', async () => {
    const deps = withMachine();
    deps.documents.seed({
      documents: [
        documentRecord('d1', { contents: [content('c1', { state: 'pending' })] }),
        documentRecord('d2', {
          contents: [content('c2')],
          archive: { disposal: { actId: 'a', actDocumentId: 'x', at: T0 } } as never,
        }),
      ],
    });

    const pending = await extractContentText(deps, { tenantId: 't1', documentId: 'd1', contentId: 'c1' });
    const disposed = await extractContentText(deps, { tenantId: 't1', documentId: 'd2', contentId: 'c2' });
    const missing = await extractContentText(deps, { tenantId: 't1', documentId: 'd9', contentId: 'c1' });

    expect([pending, disposed, missing]).toEqual([{ state: 'gone' }, { state: 'gone' }, { state: 'gone' }]);
    expect(deps.extractor.calls).toBe(0);
  });

  it('takes a document out of the index when it is gone', async () => {
    const deps = world();
    deps.documents.seed({ documents: [documentRecord('d1')] });
    await indexDocument(deps, 't1', 'd1');
    const held = deps.search.items.get('t1#d1')!;
    deps.search.items.set('t1#gone', { ...held, id: 'gone' });

    deps.clock.advance(60_000);
    await indexDocument(deps, 't1', 'gone');

    expect([...deps.search.items.keys()]).toEqual(['t1#d1']);
  });
});

describe('rebuildSearchIndex', () => {
  it('indexes every document of every registered agency, confidential ones included, page by page', async () => {
    // Arrange
    const deps = world();
    deps.store.seed('archive-tenant', {
      id: 't1',
      tenantId: '_archive',
      version: 1,
      createdAt: T0,
      updatedAt: T0,
    });
    deps.documents.seed({
      documents: [
        ...Array.from({ length: 7 }, (_, i) => documentRecord(`i${i}`)),
        documentRecord('secret', { confidential: true, participants: ['x'] }),
        documentRecord('in1', { kind: 'incoming' }),
        documentRecord('other', { tenantId: 't2' }),
      ],
    });
    const progress: number[] = [];

    // Act
    const result = await rebuildSearchIndex(deps, {
      tenants: ['t2'],
      pageSize: 3,
      onProgress: (p) => progress.push(p.indexed),
    });

    // Assert
    expect(result).toEqual({ tenants: 2, indexed: 10 });
    expect(await deps.search.count('t1')).toBe(9);
    expect(await deps.search.count('t2')).toBe(1);
    expect(deps.search.items.get('t1#secret')?.confidential).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });
});
