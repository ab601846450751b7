import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../../functions/modules/documents/domain/document';
import {
  checkBytes,
  checkStoredContent,
  contentKey,
  reportIntegrityProblem,
  servedFrom,
} from '../../../functions/modules/documents/usecases/integrity.usecase';
import { readContents } from '../../../functions/modules/documents/usecases/contents.usecase';
import { documentRecord, T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const bytes = new TextEncoder().encode('arxiv nüsxəsi');
const item = (overrides: Partial<ContentItem> = {}): ContentItem => ({
  id: 'c1',
  fileName: 'Şəxsi məlumat.pdf',
  contentType: 'application/pdf',
  size: bytes.byteLength,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  state: 'stored',
  addedAt: T0,
  addedBy: 'author',
  ...overrides,
});

function world(content = item()) {
  const deps = memoryDeps();
  const doc = documentRecord('doc-1', { contents: [content] });
  deps.documents.seed({ documents: [doc] });
  return { deps, doc };
}

describe('servedFrom', () => {
  it('serves the archive copy once there is one, else the stored version', () => {
    const stored = { key: 't1/documents/d/c1', versionId: 'v1' };

    expect(servedFrom({ key: 't1/archive/documents/d/contents/c1', versionId: 'a1' }, stored)).toEqual({
      bucket: 'archive',
      key: 't1/archive/documents/d/contents/c1',
      versionId: 'a1',
    });
    expect(servedFrom(undefined, stored)).toEqual({ bucket: 'attachments', ...stored });
    expect(servedFrom(undefined, { key: 'k' })).toEqual({ bucket: 'attachments', key: 'k' });
  });
});

describe('checkBytes', () => {
  it('finds bytes missing, altered or of another length, and accepts the recorded ones', () => {
    // Act + Assert
    expect(checkBytes(item(), undefined)).toBe('missing');
    expect(checkBytes(item(), new TextEncoder().encode('arxiv nüsxəsİ'))).toBe('damaged');
    expect(checkBytes(item({ size: 1 }), bytes)).toBe('damaged');
    expect(checkBytes(item(), bytes)).toBeUndefined();
  });
});

describe('checkStoredContent', () => {
  it('asks the object store for the pinned version and compares its size and SHA-256', async () => {
    // Arrange
    const { deps, doc } = world();
    const v1 = deps.objects.upload('attachments', contentKey(doc, 'c1'), bytes);
    deps.objects.upload('attachments', contentKey(doc, 'c1'), new TextEncoder().encode('yeni'));

    // Act
    const pinned = await checkStoredContent(deps, doc, item({ versionId: v1 }));
    const latest = await checkStoredContent(deps, doc, item());
    const absent = await checkStoredContent(deps, doc, item({ id: 'c2' }));

    // Assert
    expect(pinned).toBeUndefined();
    expect(latest).toBe('damaged');
    expect(absent).toBe('missing');
  });
});

describe('reportIntegrityProblem', () => {
  it('flags the file, logs ids only, alerts the admins and throws the 409 the reader gets', async () => {
    // Arrange
    const { deps, doc } = world();

    // Act
    const reported = reportIntegrityProblem(deps, doc, item(), 'missing');

    // Assert
    await expect(reported).rejects.toMatchObject({ code: 'content_missing', params: { contentId: 'c1' } });
    expect((await deps.documents.get('t1', 'doc-1'))?.contents[0]?.integrity).toEqual({
      problem: 'missing',
      detectedAt: T0,
    });
    expect(deps.log.lines).toEqual([
      {
        level: 'error',
        message: 'content_integrity',
        fields: { tenantId: 't1', documentId: 'doc-1', contentId: 'c1', problem: 'missing' },
      },
    ]);
    expect(JSON.stringify(deps.log.lines)).not.toContain('Şəxsi');
    expect(deps.alerts.alerts).toEqual([
      expect.objectContaining({
        fileName: 'Şəxsi məlumat.pdf',
        problem: 'missing',
        key: 'integrity:doc-1:c1:missing',
      }),
    ]);
  });

  it('records and alerts a problem once, but a new kind of problem again', async () => {
    // Arrange
    const { deps, doc } = world(item({ integrity: { problem: 'damaged', detectedAt: T0 } }));

    // Act
    await reportIntegrityProblem(deps, doc, item(), 'damaged').catch(() => undefined);
    await reportIntegrityProblem(deps, doc, item(), 'missing').catch(() => undefined);

    // Assert
    expect(deps.documents.commits).toHaveLength(1);
    expect(deps.alerts.alerts.map((a) => a.problem)).toEqual(['missing']);
  });

  it('notices bytes that changed behind the object store’s recorded checksum when they are read', async () => {
    // Arrange
    const { deps, doc } = world();
    deps.objects.upload('attachments', contentKey(doc, 'c1'), bytes);
    deps.objects.corrupt('attachments', contentKey(doc, 'c1'), new TextEncoder().encode('arxiv nüsxəsi!'));

    // Act
    const read = readContents(deps, doc);

    // Assert
    await expect(read).rejects.toMatchObject({ code: 'content_damaged' });
  });
});
