import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api } from '../../support/api';
import { jpegScan, officeFile, pdfOf, readPdf } from '../../support/scans';
import { as, lookups, sha256Hex, unique, uploadContent } from '../documents/helpers';
import type { Doc, Lookups, Problem } from '../documents/helpers';

const baseUrl = inject('baseUrl');
let author: Api;
let head: Api;
let ref: Lookups;

type SingleFile = { sha256: string; pageCount: number; textPages: number; frozenAt?: string; url: string };

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  author = await as(baseUrl, 'executor1');
  head = await as(baseUrl, 'head');
  ref = await lookups(author);
});

async function download(file: SingleFile): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(file.url)).arrayBuffer());
}

describe('the single electronic file (Decree 935 §142.6, §142.7)', () => {
  it('assembles a docx, two JPEGs and a PDF into one PDF and freezes it once the document is signed', async () => {
    // Arrange: an internal document with its text and four files
    const draft = await author.post<Doc>('/api/v1/documents/internal', {
      summary: unique('Şəhər içməli su xəttinin çəkilişi'),
      executionCharacter: 'information',
      extraInfo: 'İşlər çərşənbə günü başlayır; ğ ı İ ş ç ö ü ə.',
      signatoryId: ref.employee.get('head'),
    });
    const docx = officeFile(5000, 3);
    const attachment = await pdfOf(3);
    const uploads = [
      await uploadContent(author, draft.body.id, docx, { fileName: 'Arayış.docx', contentType: DOCX }),
      await uploadContent(author, draft.body.id, jpegScan(300, 420, 1), {
        fileName: 'skan-1.jpg',
        contentType: 'image/jpeg',
      }),
      await uploadContent(author, draft.body.id, jpegScan(420, 300, 2), {
        fileName: 'skan-2.jpg',
        contentType: 'image/jpeg',
      }),
      await uploadContent(author, draft.body.id, attachment, { fileName: 'Müqavilə.pdf' }),
    ];
    expect(uploads.map((u) => u.complete.status)).toEqual([200, 200, 200, 200]);

    // Act: read it, sign the document, read it again, try to rebuild it
    const built = await author.get<SingleFile>(`/api/v1/documents/${draft.body.id}/single-file`);
    const bytes = await download(built.body);
    const card = await author.get<Doc>(`/api/v1/documents/${draft.body.id}`);
    const registered = await author.post<Doc>(`/api/v1/documents/${draft.body.id}/operations/register`, {
      version: card.body.version,
    });
    const signed = await head.post<Doc>(`/api/v1/documents/${draft.body.id}/operations/sign`, {
      version: registered.body.version,
    });
    const frozen = await author.get<SingleFile>(`/api/v1/documents/${draft.body.id}/single-file`);
    const rebuild = await author.post<Problem>(`/api/v1/documents/${draft.body.id}/single-file`, {
      version: signed.body.version,
    });
    const rebuildEn = await (
      await as(baseUrl, 'executor1', 'en')
    ).post<Problem>(`/api/v1/documents/${draft.body.id}/single-file`, {
      version: signed.body.version,
    });

    // Assert: one PDF, the docx back byte for byte, the pages, the Azerbaijani text
    expect(built.status).toBe(200);
    expect(sha256Hex(bytes)).toBe(built.body.sha256);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBe(built.body.textPages + 3 + 2);
    expect(built.body.pageCount).toBe(pdf.pageCount);
    expect(pdf.attachments.map((a) => a.filename)).toEqual(['Arayış.docx']);
    expect(sha256Hex(pdf.attachments[0]!.content)).toBe(sha256Hex(docx));
    const front = pdf.texts.slice(0, built.body.textPages).join(' ');
    expect(front).toContain('Şəhər içməli su xəttinin çəkilişi');
    expect(front).toContain('ğ ı İ ş ç ö ü ə');
    // Assert: frozen after the signature, the rebuild refused with a localized problem, hash unchanged
    expect(signed.body).toMatchObject({ status: 'signed' });
    expect(frozen.status).toBe(200);
    expect(frozen.body.frozenAt).toBeDefined();
    expect(rebuild.status).toBe(409);
    expect(rebuild.headers.get('content-type')).toContain('application/problem+json');
    expect(rebuild.body.code).toBe('single_file_frozen');
    expect(rebuild.body.title).toContain('imzalandıqdan sonra');
    expect(rebuildEn.body.title).toContain('frozen once the document is signed');
    const after = await author.get<SingleFile>(`/api/v1/documents/${draft.body.id}/single-file`);
    expect(after.body.sha256).toBe(frozen.body.sha256);
    expect(sha256Hex(await download(after.body))).toBe(frozen.body.sha256);
  });

  it('answers 404 for a document the caller may not see, 400 for a malformed id', async () => {
    // Arrange
    const draft = await author.post<Doc>('/api/v1/documents/internal', {
      summary: unique('Başqasına görünməyən'),
      executionCharacter: 'information',
    });
    const outsider = await as(baseUrl, 'executor2', 'ru');

    // Act
    const hidden = await outsider.get<Problem>(`/api/v1/documents/${draft.body.id}/single-file`);
    const malformed = await author.get<Problem>(`/api/v1/documents/${'x'.repeat(300)}/single-file`);

    // Assert
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toContain('application/problem+json');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.message).toBeTruthy();
  });
});
