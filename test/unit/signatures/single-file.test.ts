import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../functions/platform/kernel/errors';
import type { ContentItem, DocumentRecord } from '../../../functions/modules/documents';
import {
  getSingleFile,
  rebuildSingleFile,
  SINGLE_FILE,
  type SingleFileRecord,
} from '../../../functions/modules/signatures';
import { documentRecord, T0, tenant } from '../../support/builders';
import { jpegScan, officeFile, pdfOf, pngScan, readPdf, tiffScan } from '../../support/scans';
import { author, clerk, documentsWorld, head, outsider } from '../documents/world';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const docx = officeFile();

type World = ReturnType<typeof documentsWorld>;

/** A stored file of the document `memo`, its bytes put in the attachments bucket. */
function stored(
  deps: World,
  id: string,
  fileName: string,
  contentType: string,
  bytes: Uint8Array,
  addedAt = T0,
) {
  deps.objects.upload('attachments', `t1/documents/memo/${id}`, bytes, contentType);
  const item: ContentItem = {
    id,
    fileName,
    contentType,
    size: bytes.length,
    sha256: sha256(bytes),
    state: 'stored',
    addedAt,
    addedBy: 'author',
  };
  return item;
}

/** The memo's version as the card would show it. */
const versionOf = async (deps: {
  documents: { get(t: string, id: string): Promise<DocumentRecord | undefined> };
}) => (await deps.documents.get('t1', 'memo'))!.version;

async function world(doc: Partial<DocumentRecord> = {}) {
  const deps = documentsWorld();
  deps.store.seed('tenant', tenant({ id: 't1', name: { az: 'Əmlak Məsələləri Dövlət Xidməti' } }));
  const contents = [
    stored(
      deps,
      'c1',
      'Arayış.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      docx,
    ),
    stored(deps, 'c2', 'skan-1.jpg', 'image/jpeg', jpegScan(60, 80, 1)),
    stored(deps, 'c3', 'skan-2.jpg', 'image/jpeg', jpegScan(80, 60, 2)),
    stored(deps, 'c4', 'Müqavilə.pdf', 'application/pdf', await pdfOf(3)),
  ];
  deps.documents.seed({
    documents: [
      documentRecord('memo', {
        participants: ['author'],
        summary: 'Şəhərdə içməli su ötürücü xəttin çəkilişi',
        internal: {
          signatoryId: 'head',
          extraInfo: 'Ərazidə işlər çərşənbə günü başlayır. İcra müddəti — 10 gün.',
        },
        contents,
        ...doc,
      }),
    ],
  });
  return deps;
}

async function fileBytes(deps: World, record: SingleFileRecord) {
  return (await deps.objects.get({ bucket: 'attachments', key: record.key, versionId: record.versionId }))!;
}

const recordOf = (deps: World) => deps.store.all<SingleFileRecord>(SINGLE_FILE, 't1')[0]!;

describe('getSingleFile', () => {
  it('assembles one PDF: the text pages, the PDF pages, a page per scan, the docx embedded byte for byte', async () => {
    // Arrange
    const deps = await world();

    // Act
    const view = await getSingleFile(deps, author, 'memo');

    // Assert
    const bytes = await fileBytes(deps, recordOf(deps));
    const pdf = await readPdf(bytes);
    expect(sha256(bytes)).toBe(view.sha256);
    expect(view.pageCount).toBe(view.textPages + 3 + 2);
    expect(pdf.pageCount).toBe(view.pageCount);
    expect(pdf.attachments).toHaveLength(1);
    expect(pdf.attachments[0]!.filename).toBe('Arayış.docx');
    expect(sha256(pdf.attachments[0]!.content)).toBe(sha256(docx));
    expect(pdf.texts[0]).toContain('Əmlak Məsələləri Dövlət Xidməti');
    expect(pdf.texts[0]).toContain('Şəhərdə içməli su ötürücü xəttin çəkilişi');
    expect(pdf.texts.slice(0, view.textPages).join(' ')).toContain('çərşənbə');
    expect(view.parts.map((p) => [p.fileName, p.kind, p.pages])).toEqual([
      ['Arayış.docx', 'embedded', 0],
      ['skan-1.jpg', 'jpeg', 1],
      ['skan-2.jpg', 'jpeg', 1],
      ['Müqavilə.pdf', 'pdf', 3],
    ]);
    expect(deps.objects.downloadsPresigned.at(-1)).toMatchObject({
      bucket: 'attachments',
      key: recordOf(deps).key,
    });
  });

  it('renders PNG scans and every page of a multi-page TIFF as pages', async () => {
    // Arrange
    const deps = await world({ contents: [] });
    const doc = (await deps.documents.get('t1', 'memo'))!;
    const contents = [
      stored(deps, 'p1', 'foto.png', 'image/png', pngScan(40, 30)),
      stored(
        deps,
        't1',
        'skan.tiff',
        'image/tiff',
        tiffScan([
          [30, 40],
          [40, 30],
          [20, 20],
        ]),
      ),
    ];
    deps.documents.seed({ documents: [{ ...doc, contents }] });

    // Act
    const view = await getSingleFile(deps, author, 'memo');

    // Assert
    expect(view.parts.map((p) => [p.kind, p.pages])).toEqual([
      ['png', 1],
      ['tiff', 3],
    ]);
    expect((await readPdf(await fileBytes(deps, recordOf(deps)))).pageCount).toBe(view.textPages + 4);
  });

  it('embeds a file whose bytes are not what its type says (a broken "PDF") instead of failing', async () => {
    // Arrange
    const deps = await world({ contents: [] });
    const doc = (await deps.documents.get('t1', 'memo'))!;
    const broken = new TextEncoder().encode('not a pdf at all');
    deps.documents.seed({
      documents: [{ ...doc, contents: [stored(deps, 'b1', 'pozuq.pdf', 'application/pdf', broken)] }],
    });

    // Act
    const view = await getSingleFile(deps, author, 'memo');

    // Assert
    const pdf = await readPdf(await fileBytes(deps, recordOf(deps)));
    expect(view.parts[0]).toMatchObject({ kind: 'embedded', pages: 0 });
    expect(pdf.attachments[0]!.content).toEqual(broken);
  });

  it('builds once and serves the same file while the inputs stay; a new file makes it stale', async () => {
    // Arrange
    const deps = await world();
    const first = await getSingleFile(deps, author, 'memo');

    // Act
    const again = await getSingleFile(deps, author, 'memo');
    const doc = (await deps.documents.get('t1', 'memo'))!;
    deps.documents.seed({
      documents: [
        {
          ...doc,
          contents: [...doc.contents, stored(deps, 'c5', 'əlavə.jpg', 'image/jpeg', jpegScan(30, 30, 5))],
        },
      ],
    });
    const changed = await getSingleFile(deps, author, 'memo');

    // Assert
    expect(again.sha256).toBe(first.sha256);
    expect(recordOf(deps).version).toBe(2);
    expect(changed.sha256).not.toBe(first.sha256);
    expect(changed.pageCount).toBe(first.pageCount + 1);
  });

  it('freezes the file once the document is signed; a rebuild is refused with 409 and the SHA-256 stays', async () => {
    // Arrange
    const deps = await world();
    const built = await getSingleFile(deps, author, 'memo');
    const doc = (await deps.documents.get('t1', 'memo'))!;
    const signedAt = '2026-03-03T08:00:00.000Z';
    deps.documents.seed({
      documents: [{ ...doc, status: 'signed', internal: { ...doc.internal, signedAt, signedBy: 'head' } }],
    });

    // Act
    const read = await getSingleFile(deps, author, 'memo');
    const rebuild = rebuildSingleFile(deps, author, 'memo', await versionOf(deps));

    // Assert
    await expect(rebuild).rejects.toMatchObject({
      code: 'single_file_frozen',
      params: { sha256: built.sha256 },
    });
    await expect(rebuild).rejects.toBeInstanceOf(ConflictError);
    expect(read.sha256).toBe(built.sha256);
    expect(read.frozenAt).toBeDefined();
    expect(recordOf(deps).sha256).toBe(built.sha256);
  });

  it('freezes the signed state: a file attached to a signed order later is not part of it', async () => {
    // Arrange
    const signedAt = '2026-03-03T08:00:00.000Z';
    const deps = await world({
      kind: 'order',
      status: 'signed',
      order: { category: 'order', signedAt, signedBy: 'head' },
    });
    const doc = (await deps.documents.get('t1', 'memo'))!;
    const late = stored(
      deps,
      'late',
      'sonra.jpg',
      'image/jpeg',
      jpegScan(30, 30, 9),
      '2026-03-04T08:00:00.000Z',
    );
    deps.documents.seed({ documents: [{ ...doc, contents: [...doc.contents, late] }] });

    // Act
    const view = await getSingleFile(deps, author, 'memo');

    // Assert
    expect(view.frozenAt).toBeDefined();
    expect(view.parts.map((p) => p.contentId)).not.toContain('late');
    expect(
      (await deps.documents.operations('t1', 'memo', { limit: 100 })).items.map((o) => o.action),
    ).toContain('single-file-frozen');
  });

  it('freezes after the first signing step of an approval route', async () => {
    // Arrange
    const deps = await world({
      route: {
        state: 'running',
        round: 1,
        stages: [],
        steps: [
          {
            stage: 0,
            kind: 'signing',
            employeeIds: ['head'],
            state: 'done',
            assignees: [
              {
                employeeId: 'head',
                assignmentId: 'a1',
                status: 'signed',
                decidedAt: '2026-03-03T08:00:00.000Z',
              },
            ],
          },
        ],
      },
    });

    // Act
    const rebuild = rebuildSingleFile(deps, clerk, 'memo', await versionOf(deps));

    // Assert
    await expect(rebuild).rejects.toMatchObject({ code: 'single_file_frozen' });
    expect(recordOf(deps).frozenAt).toBeDefined();
  });

  it('hides the file of a document the caller may not see (404)', async () => {
    // Arrange
    const deps = await world();

    // Act
    const read = getSingleFile(deps, outsider, 'memo');

    // Assert
    await expect(read).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.store.all(SINGLE_FILE, 't1')).toEqual([]);
  });

  it('logs the download of a confidential document on its operations log', async () => {
    // Arrange
    const deps = await world({ confidential: true });

    // Act
    const view = await getSingleFile(deps, author, 'memo');

    // Assert
    const reads = (await deps.documents.operations('t1', 'memo', { limit: 100 })).items.filter(
      (o) => o.action === 'read',
    );
    expect(reads.map((o) => o.changes[0]?.after)).toEqual([`single file: ${view.sha256}`]);
  });
});

describe('rebuildSingleFile', () => {
  it('builds the file again for the author or the registry office, never for another viewer', async () => {
    // Arrange
    const deps = await world();

    // Act
    const byAuthor = await rebuildSingleFile(deps, author, 'memo', await versionOf(deps));
    const byHead = rebuildSingleFile(deps, head, 'memo', await versionOf(deps));

    // Assert
    expect(byAuthor.pageCount).toBeGreaterThan(5);
    await expect(byHead).rejects.toBeInstanceOf(ForbiddenError);
    expect(recordOf(deps).builtBy).toBe('author');
  });

  it('refuses a rebuild asked for an older version of the document (409 stale_version), nothing recorded', async () => {
    // Arrange
    const deps = await world();

    // Act
    const rebuild = rebuildSingleFile(deps, author, 'memo', (await versionOf(deps)) - 1);

    // Assert
    await expect(rebuild).rejects.toMatchObject({ code: 'stale_version' });
    expect(deps.store.all(SINGLE_FILE, 't1')).toEqual([]);
  });

  it('refuses to build from a stored file that was altered (409 content_damaged), nothing recorded', async () => {
    // Arrange
    const deps = await world();
    deps.objects.upload('attachments', 't1/documents/memo/c2', new Uint8Array([1, 2, 3]), 'image/jpeg');

    // Act
    const rebuild = rebuildSingleFile(deps, author, 'memo', await versionOf(deps));

    // Assert
    await expect(rebuild).rejects.toMatchObject({ code: 'content_damaged' });
    expect(deps.store.all(SINGLE_FILE, 't1')).toEqual([]);
  });
});
