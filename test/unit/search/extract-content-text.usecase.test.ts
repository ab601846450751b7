import { describe, expect, it } from 'vitest';
import { indexDocument } from '../../../functions/modules/search/usecases/index-document.usecase';
import { CONTENT_TEXT_MACHINE } from '../../../functions/modules/search/usecases/content-text';
import { extractContentText } from '../../../functions/modules/search/usecases/extract-content-text.usecase';
import { documentRecord, T0 } from '../../support/builders';
import { content, scan, withMachine } from './world';

describe("extractContentText (the content-text machine's task)", () => {
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
});
