import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../functions/platform/kernel/errors';
import {
  completeUpload,
  contentUrl,
  MAX_CONTENT_BYTES,
  readContents,
  startUpload,
} from '../../../functions/modules/documents/usecases/contents.usecase';
import type { ContentItem, DocumentRecord } from '../../../functions/modules/documents/domain/document';
import { documentRecord, T0 } from '../../support/builders';
import { author, clerk, documentsWorld, head } from './world';

const bytes = new TextEncoder().encode('%PDF-1.7 skan edilmiş sənəd');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const file = (
  overrides: Partial<{ fileName: string; contentType: string; size: number; sha256: string }> = {},
) => ({
  fileName: 'Ərizə.pdf',
  contentType: 'application/pdf',
  size: bytes.byteLength,
  sha256: sha256(bytes).toUpperCase(),
  ...overrides,
});
const keyOf = (docId: string, contentId: string) => `t1/documents/${docId}/${contentId}`;

function world(doc: Partial<DocumentRecord> = {}) {
  const deps = documentsWorld();
  deps.documents.seed({ documents: [documentRecord('memo', { participants: ['author'], ...doc })] });
  return deps;
}

/** A file uploaded and verified, as the card shows it afterwards. */
async function storedFile(deps: ReturnType<typeof world>): Promise<ContentItem> {
  const { content } = await startUpload(deps, author, 'memo', file());
  deps.objects.upload('attachments', keyOf('memo', content.id), bytes, 'application/pdf');
  return completeUpload(deps, author, 'memo', content.id);
}

describe('startUpload', () => {
  it('records the declared file as pending and presigns a PUT bound to its size and SHA-256', async () => {
    // Arrange
    const deps = world();

    // Act
    const { content, upload } = await startUpload(deps, author, 'memo', file());

    // Assert
    expect(content).toMatchObject({
      fileName: 'Ərizə.pdf',
      state: 'pending',
      sha256: sha256(bytes),
      addedBy: 'author',
      addedAt: T0,
    });
    expect(deps.objects.uploadsPresigned).toEqual([
      {
        bucket: 'attachments',
        key: keyOf('memo', content.id),
        contentType: 'application/pdf',
        contentLength: bytes.byteLength,
        sha256Base64: createHash('sha256').update(bytes).digest('base64'),
        expiresInSeconds: 900,
      },
    ]);
    expect(upload).toMatchObject({ method: 'PUT', signedHeaders: expect.any(Object) });
    expect((await deps.documents.get('t1', 'memo'))?.contents).toEqual([content]);
    expect((await deps.documents.operations('t1', 'memo', { limit: 5 })).items[0]).toMatchObject({
      action: 'attach-start',
      changes: [
        {
          field: 'contents',
          after: { fileName: 'Ərizə.pdf', size: bytes.byteLength, sha256: sha256(bytes) },
        },
      ],
    });
  });

  it('refuses a file over 200 MB and a 101st file, writing nothing', async () => {
    // Arrange
    const full = Array.from({ length: 100 }, (_, i) => ({
      id: `c${i}`,
      fileName: `${i}.pdf`,
      contentType: 'application/pdf',
      size: 1,
      sha256: 'a'.repeat(64),
      state: 'stored' as const,
      addedAt: T0,
      addedBy: 'author',
    }));
    const deps = world();
    deps.documents.seed({
      documents: [documentRecord('full', { participants: ['author'], contents: full })],
    });

    // Act
    const tooLarge = startUpload(deps, author, 'memo', file({ size: MAX_CONTENT_BYTES + 1 }));
    const tooMany = startUpload(deps, author, 'full', file());

    // Assert
    await expect(tooLarge).rejects.toMatchObject({ code: 'file_too_large', issues: [{ path: 'size' }] });
    await expect(tooMany).rejects.toMatchObject({ code: 'too_many_files', params: { max: 100 } });
    expect(deps.documents.commits).toEqual([]);
    expect(deps.objects.uploadsPresigned).toEqual([]);
  });

  it('lets the registry office or the author attach, while the status allows it', async () => {
    // Arrange
    const deps = world();
    deps.documents.seed({
      documents: [documentRecord('cancelled', { status: 'cancelled', participants: ['author'] })],
    });

    // Act
    const byHead = startUpload(deps, head, 'memo', file());
    const cancelled = startUpload(deps, author, 'cancelled', file());
    const byClerk = await startUpload(deps, clerk, 'memo', file());

    // Assert
    await expect(byHead).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelled).rejects.toMatchObject({ code: 'operation_not_allowed' });
    expect(byClerk.content.addedBy).toBe('clerk');
  });

  it('adds the file to the fresh state when another edit got there first', async () => {
    // Arrange
    const deps = world();
    let races = 2;
    deps.documents.beforeCommit = () => {
      if (races-- > 0) throw new ConflictError('stale_version', 'changed meanwhile');
    };

    // Act
    const { content } = await startUpload(deps, author, 'memo', file());

    // Assert
    expect((await deps.documents.get('t1', 'memo'))?.contents.map((c) => c.id)).toEqual([content.id]);
  });
});

describe('completeUpload', () => {
  it('stores the file pinned to the version it verified; completing again changes nothing', async () => {
    // Arrange
    const deps = world();

    // Act
    const stored = await storedFile(deps);
    const commits = deps.documents.commits.length;
    const again = await completeUpload(deps, author, 'memo', stored.id);

    // Assert
    expect(stored).toMatchObject({ state: 'stored', versionId: 'v1' });
    expect(again).toEqual(stored);
    expect(deps.documents.commits).toHaveLength(commits);
    const log = (await deps.documents.operations('t1', 'memo', { limit: 5 })).items.map((o) => o.action);
    expect(log).toEqual(['attach-start', 'attach']);
  });

  it('refuses an upload that is missing or does not match the declared SHA-256; the file stays pending', async () => {
    // Arrange
    const deps = world();
    const { content } = await startUpload(deps, author, 'memo', file());

    // Act
    const missing = completeUpload(deps, author, 'memo', content.id);
    await missing.catch(() => undefined);
    // The same size, one byte changed: only the SHA-256 tells them apart.
    const altered = Uint8Array.from(bytes, (b, i) => (i === 0 ? b ^ 1 : b));
    deps.objects.upload('attachments', keyOf('memo', content.id), altered);
    const mismatch = completeUpload(deps, author, 'memo', content.id);
    const unknown = completeUpload(deps, author, 'memo', 'nope');

    // Assert
    await expect(missing).rejects.toMatchObject({ code: 'upload_missing' });
    await expect(mismatch).rejects.toMatchObject({ code: 'checksum_mismatch', issues: [{ path: 'sha256' }] });
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    expect((await deps.documents.get('t1', 'memo'))?.contents[0]?.state).toBe('pending');
  });
});

describe('contentUrl', () => {
  it('hands out a five-minute link pinned to the verified version, after checking the stored object', async () => {
    // Arrange
    const deps = world();
    const stored = await storedFile(deps);
    deps.objects.upload(
      'attachments',
      keyOf('memo', stored.id),
      new TextEncoder().encode('sonradan yazılmış'),
    );

    // Act
    const link = await contentUrl(deps, author, 'memo', stored.id, true);

    // Assert
    expect(link.expiresAt).toBe('2026-03-02T06:05:00.000Z');
    expect(deps.objects.downloadsPresigned).toEqual([
      {
        bucket: 'attachments',
        key: keyOf('memo', stored.id),
        versionId: 'v1',
        fileName: 'Ərizə.pdf',
        inline: true,
        expiresInSeconds: 300,
      },
    ]);
  });

  it('does not hand out a file still pending', async () => {
    // Arrange
    const deps = world();
    const { content } = await startUpload(deps, author, 'memo', file());

    // Act
    const link = contentUrl(deps, author, 'memo', content.id, false);

    // Assert
    await expect(link).rejects.toBeInstanceOf(NotFoundError);
  });

  it('flags a damaged file once, tells the admins once, and answers 409 to every reader', async () => {
    // Arrange
    const deps = world();
    const stored = await storedFile(deps);
    deps.objects.corrupt('attachments', keyOf('memo', stored.id), new TextEncoder().encode('zədələnmiş'), {
      rehash: true,
    });

    // Act
    const first = contentUrl(deps, author, 'memo', stored.id, false);
    await first.catch(() => undefined);
    const second = contentUrl(deps, clerk, 'memo', stored.id, false);
    await second.catch(() => undefined);

    // Assert
    await expect(first).rejects.toMatchObject({ code: 'content_damaged', params: { contentId: stored.id } });
    await expect(second).rejects.toMatchObject({ code: 'content_damaged' });
    expect(deps.objects.downloadsPresigned).toEqual([]);
    expect((await deps.documents.get('t1', 'memo'))?.contents[0]?.integrity).toEqual({
      problem: 'damaged',
      detectedAt: T0,
    });
    expect(deps.alerts.alerts).toEqual([
      expect.objectContaining({
        fileName: 'Ərizə.pdf',
        problem: 'damaged',
        key: `integrity:memo:${stored.id}:damaged`,
      }),
    ]);
    const log = (await deps.documents.operations('t1', 'memo', { limit: 10 })).items.map((o) => [
      o.action,
      o.actorId,
    ]);
    expect(log).toEqual([
      ['attach-start', 'author'],
      ['attach', 'author'],
      ['integrity-alert', 'system'],
    ]);
  });
});

describe('readContents', () => {
  it('reads the stored bytes of every stored file, checked against their SHA-256', async () => {
    // Arrange
    const deps = world();
    const stored = await storedFile(deps);
    await startUpload(deps, author, 'memo', file({ fileName: 'pending.pdf' }));
    const doc = (await deps.documents.get('t1', 'memo'))!;

    // Act
    const files = await readContents(deps, doc);

    // Assert
    expect(files).toEqual([{ filename: 'Ərizə.pdf', contentType: 'application/pdf', content: bytes }]);
    expect(deps.objects.reads).toEqual([
      { bucket: 'attachments', key: keyOf('memo', stored.id), versionId: 'v1' },
    ]);
  });

  it('stops at a missing file: it is reported, never sent as if whole', async () => {
    // Arrange
    const deps = world();
    const stored = await storedFile(deps);
    deps.objects.lose('attachments', keyOf('memo', stored.id));
    const doc = (await deps.documents.get('t1', 'memo'))!;

    // Act
    const read = readContents(deps, doc);

    // Assert
    await expect(read).rejects.toMatchObject({ code: 'content_missing' });
    expect(deps.alerts.alerts.map((a) => a.problem)).toEqual(['missing']);
  });
});

describe('contentUrl of a confidential document', () => {
  it('logs every read of a file, preview and download alike, on the operations log', async () => {
    // Arrange
    const deps = world({ confidential: true });
    const stored = await storedFile(deps);
    const secretReads = async () =>
      (await deps.documents.operations('t1', 'memo', { limit: 100 })).items.filter(
        (o) => o.action === 'read',
      );

    // Act
    await contentUrl(deps, author, 'memo', stored.id, true);
    await contentUrl(deps, author, 'memo', stored.id, false);

    // Assert
    expect((await secretReads()).map((o) => [o.actorId, o.changes])).toEqual([
      ['author', [{ field: 'read', after: 'preview: Ərizə.pdf' }]],
      ['author', [{ field: 'read', after: 'download: Ərizə.pdf' }]],
    ]);
  });
});
