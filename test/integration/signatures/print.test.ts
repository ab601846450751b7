import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api } from '../../support/api';
import { barcodesOnPage } from '../../support/barcodes';
import { pdfOf, readPdf } from '../../support/scans';
import { parseCodeText } from '../../../functions/modules/signatures/pdf/barcode';
import { as, lookups, unique, uploadContent } from '../documents/helpers';
import type { Doc, Lookups, Problem } from '../documents/helpers';

const baseUrl = inject('baseUrl');
let clerk: Api;
let ref: Lookups;

type SingleFile = { sha256: string; pageCount: number; url: string };
type PrintFile = SingleFile & {
  singleFileSha256: string;
  requisites: {
    organization: string;
    legalAddress: string;
    registrationNumber: string;
    registrationDate: string;
  };
  copy: { words: string; createdAt: string; system: string };
};
type Tenant = { name: { az: string }; legalAddress: string };

const download = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
  ref = await lookups(clerk);
});

describe('the print of an electronic document (Decree 935 §146, §143)', () => {
  it('serves the single file with page 1 stamped as an appended revision: code, requisites and copy marking', async () => {
    // Arrange: a registered outgoing letter with a two-page PDF attachment
    const letter = await clerk.post<Doc>('/api/v1/documents/outgoing', {
      summary: unique('Çap üçün məktub'),
      signatoryId: ref.employee.get('head'),
      recipients: [{ name: 'Nazirlik' }],
      content: 'Hörmətli həmkarlar, ...',
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    await uploadContent(clerk, letter.body.id, await pdfOf(2), { fileName: 'Əlavə.pdf' });
    const tenant = (await clerk.get<Tenant>('/api/v1/tenant')).body;

    // Act
    const single = await clerk.get<SingleFile>(`/api/v1/documents/${letter.body.id}/single-file`);
    const printed = await clerk.get<PrintFile>(`/api/v1/documents/${letter.body.id}/single-file/print`);

    // Assert
    expect(printed.status, JSON.stringify(printed.body)).toBe(200);
    const original = await download(single.body.url);
    const bytes = await download(printed.body.url);
    expect(printed.body.singleFileSha256).toBe(single.body.sha256);
    expect(Buffer.from(bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(bytes.length).toBeGreaterThan(original.length);
    const requisites = {
      organization: tenant.name.az,
      legalAddress: tenant.legalAddress,
      registrationNumber: letter.body.registration!.number,
      registrationDate: printed.body.requisites.registrationDate,
    };
    expect(printed.body.requisites).toEqual(requisites);
    expect(printed.body.requisites.registrationDate).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    const { pageCount, texts } = await readPdf(bytes);
    expect(pageCount).toBe(single.body.pageCount);
    expect(printed.body.copy.words).toBe(`Elektron sənədin surəti. ${pageCount} vərəq`);
    const page1 = texts[0]!.replace(/\s+/g, ' ');
    expect(page1).toContain(printed.body.copy.words);
    expect(page1).toContain(`Qeydiyyat nömrəsi: ${requisites.registrationNumber}`);
    expect(page1).toContain('İnformasiya sistemi: Kargüzar');
    const [code] = await barcodesOnPage(bytes, 1);
    expect(parseCodeText(code!.text)).toEqual(requisites);
    const log = await clerk.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${letter.body.id}/operations?limit=100`,
    );
    expect(log.body.items.map((o) => o.action)).toContain('single-file-printed');
  });

  it('refuses to print a document that has no registration number (409), in the caller’s language', async () => {
    // Arrange: an internal draft is not registered yet
    const draft = await clerk.post<Doc>('/api/v1/documents/internal', {
      summary: unique('Qeydiyyatsız qeyd'),
      executionCharacter: 'information',
      signatoryId: ref.employee.get('head'),
    });
    const en = await as(baseUrl, 'clerk', 'en');

    // Act
    const refused = await en.get<Problem>(`/api/v1/documents/${draft.body.id}/single-file/print`);

    // Assert
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('not_registered');
    expect(refused.body.title).toBe(
      'The document is not registered: there is no registration number and date to print',
    );
  });
});
