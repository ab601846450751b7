import { describe, expect, it } from 'vitest';
import {
  contentTexts,
  contentTextKey,
  MAX_EXTRACTED_BYTES,
} from '../../../functions/modules/search/usecases/content-text';
import { documentRecord, T0 } from '../../support/builders';
import { content, scan, world } from './world';

describe('contentTexts', () => {
  it('keeps each file’s text under a key of its tenant, document, id and hash', () => {
    const doc = documentRecord('d1');
    expect(contentTextKey(doc, content('c1'))).toBe(`t1/search-text/d1/c1.${'ab'.repeat(32)}.json`);
  });

  it('extracts a stored file once and reads its kept text afterwards', async () => {
    const deps = world();
    const doc = documentRecord('d1', { contents: [content('c1')] });
    deps.objects.upload('attachments', 't1/documents/d1/c1', scan, 'image/png');

    const first = await contentTexts(deps, doc);
    const again = await contentTexts(deps, doc);

    expect(first).toEqual([{ contentId: 'c1', text: 'Sahə İSTANBUL küçəsində', extractedAt: T0 }]);
    expect(again).toEqual(first);
    expect(deps.extractor.calls).toBe(1);
  });

  it('reads no file that is pending, too large, or of a disposed document', async () => {
    const deps = world();
    deps.objects.upload('attachments', 't1/documents/d1/c1', scan, 'image/png');
    const big = content('c2', { size: MAX_EXTRACTED_BYTES + 1 });
    const doc = documentRecord('d1', { contents: [content('c1', { state: 'pending' }), big] });

    expect(await contentTexts(deps, doc)).toEqual([{ contentId: 'c2', text: '', extractedAt: T0 }]);
    const disposed = documentRecord('d1', {
      contents: [content('c1')],
      archive: { disposal: {} } as never,
    });
    expect(await contentTexts(deps, disposed)).toEqual([]);
    expect(deps.extractor.calls).toBe(0);
  });

  it('gives no text where search runs without an extractor', async () => {
    const { extractor: _, ...deps } = world();
    const doc = documentRecord('d1', { contents: [content('c1')] });
    expect(await contentTexts(deps, doc)).toEqual([]);
  });
});
