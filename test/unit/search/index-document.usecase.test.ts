import { describe, expect, it } from 'vitest';
import {
  indexDocument,
  rebuildSearchIndex,
} from '../../../functions/modules/search/usecases/index-document.usecase';
import { contentTextKey } from '../../../functions/modules/search/usecases/content-text';
import { assignment, documentRecord, T0 } from '../../support/builders';
import { content, scan, world } from './world';

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
