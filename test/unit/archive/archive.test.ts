import { describe, expect, it } from 'vitest';
import { archiveDocument, awaitsArchiveCopy } from '../../../functions/modules/archive';
import type { ReferenceItem } from '../../../functions/modules/reference';
import { archiveWorld, scan, sha256 } from './world';

describe('archiveDocument', () => {
  it('writes the single file, the original, the log and the manifest, locked until the end of retention, and records them once', async () => {
    // Arrange
    const deps = archiveWorld();

    // Act
    const state = await archiveDocument(deps, 't1', 'letter');
    const again = await archiveDocument(deps, 't1', 'letter');

    // Assert
    expect(state).toMatchObject({
      retentionYears: 5,
      retainedThrough: '2031-12-31',
      retainUntil: '2031-12-31T20:00:00.000Z',
      permanent: false,
      legalHold: false,
    });
    expect(state!.objects.map((o) => o.role)).toEqual(['single-file', 'content', 'operations', 'manifest']);
    expect(state!.objects[1]).toMatchObject({ contentId: 'c1', sha256: sha256(scan) });
    const card = (await deps.documents.get('t1', 'letter'))!;
    expect(card.archive).toEqual(state);
    expect(again).toEqual(state);
    const manifest = JSON.parse(
      Buffer.from((await deps.objects.get({ bucket: 'archive', key: state!.objects[3]!.key }))!).toString(
        'utf8',
      ),
    ) as { provenance: { source: string; receivedAt: string } };
    expect(manifest.provenance).toMatchObject({
      source: 'Aysel Məmmədova',
      receivedAt: '2026-03-02T06:00:00.000Z',
    });
    const log = await deps.documents.operations('t1', 'letter', { limit: 100 });
    expect(log.items.filter((o) => o.action === 'archive-copy')).toHaveLength(1);
  });

  it('takes over an object an interrupted attempt already wrote instead of writing a second one', async () => {
    // Arrange: the first attempt wrote the original, then died
    const deps = archiveWorld();
    const key = 't1/archive/documents/letter/contents/c1';
    const versionId = (
      await deps.objects.put({ bucket: 'archive', key, body: scan, contentType: 'application/pdf' })
    ).versionId;

    // Act
    const state = await archiveDocument(deps, 't1', 'letter');

    // Assert
    expect(state!.objects.find((o) => o.key === key)).toMatchObject({ versionId, sha256: sha256(scan) });
  });

  it('leaves documents that are not archived alone', async () => {
    const deps = archiveWorld({ status: 'registered' });

    expect(await archiveDocument(deps, 't1', 'letter')).toBeUndefined();
    expect(awaitsArchiveCopy({ status: 'archived' })).toBe(true);
    expect(awaitsArchiveCopy({ status: 'registered' })).toBe(false);
  });

  it('keeps a "daimi" case file permanently: a century under Object Lock and a legal hold', async () => {
    const deps = archiveWorld();
    const item = await deps.store.get<ReferenceItem>('ref:nomenclature', 't1', 'case5');
    deps.store.seed('ref:nomenclature', { ...item!, retentionYears: null } as ReferenceItem);

    const state = await archiveDocument(deps, 't1', 'letter');

    expect(state).toMatchObject({ permanent: true, legalHold: true, retainedThrough: '2126-12-31' });
  });
});
