import { describe, expect, it } from 'vitest';
import { getPrintFile, SINGLE_FILE, type SingleFileRecord } from '../../../functions/modules/signatures';
import { documentRecord, tenant } from '../../support/builders';
import { readPdf } from '../../support/scans';
import { author, documentsWorld } from '../documents/world';

/** A registered memo of an agency with its legal address; its single file is built on first read. */
function world(registered = true) {
  const deps = documentsWorld();
  deps.store.seed(
    'tenant',
    tenant({
      id: 't1',
      name: { az: 'Əmlak Məsələləri Dövlət Xidməti' },
      legalAddress: 'AZ1000, Bakı, Ü. Hacıbəyov 84',
    }),
  );
  deps.documents.seed({
    documents: [
      documentRecord('memo', {
        participants: ['author'],
        summary: 'Şəhərdə içməli su xəttinin çəkilişi',
        createdAt: '2026-03-01T08:00:00.000Z',
        ...(registered
          ? {
              status: 'registered',
              registration: {
                journalId: 'j',
                year: 2026,
                seq: 7,
                number: 'D-7',
                at: '2026-03-01T21:30:00.000Z',
              },
            }
          : {}),
      }),
    ],
  });
  return deps;
}

const printLog = async (deps: ReturnType<typeof world>) =>
  (await deps.documents.operations('t1', 'memo', { limit: 100 })).items.filter(
    (o) => o.action === 'single-file-printed',
  );

describe('getPrintFile', () => {
  it('stamps the single file with the agency’s requisites and the Baku registration date, stores it and logs the print', async () => {
    // Arrange
    const deps = world();

    // Act
    const view = await getPrintFile(deps, author, 'memo');

    // Assert
    const single = deps.store.all<SingleFileRecord>(SINGLE_FILE, 't1')[0]!;
    expect(view.singleFileSha256).toBe(single.sha256);
    expect(view.requisites).toEqual({
      organization: 'Əmlak Məsələləri Dövlət Xidməti',
      legalAddress: 'AZ1000, Bakı, Ü. Hacıbəyov 84',
      registrationNumber: 'D-7',
      // 21:30 UTC is the next day in Baku.
      registrationDate: '02.03.2026',
    });
    expect(view.copy).toEqual({
      words: `Elektron sənədin surəti. ${single.pageCount} vərəq`,
      createdAt: '01.03.2026',
      system: 'Kargüzar',
    });
    const key = `t1/documents/memo/single-file/print/${view.sha256}.pdf`;
    const bytes = (await deps.objects.get({ bucket: 'attachments', key }))!;
    expect((await readPdf(bytes)).texts[0]).toContain('Qeydiyyat nömrəsi: D-7');
    expect(deps.objects.downloadsPresigned.at(-1)).toMatchObject({ bucket: 'attachments', key });
    expect(await printLog(deps)).toHaveLength(1);
  });

  it('refuses an unregistered document with 409 not_registered and writes nothing', async () => {
    // Arrange
    const deps = world(false);

    // Act
    const attempt = getPrintFile(deps, author, 'memo');

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'not_registered' });
    expect(deps.store.all(SINGLE_FILE, 't1')).toEqual([]);
    expect(await printLog(deps)).toEqual([]);
  });

  it('refuses to stamp a stored single file that no longer matches its SHA-256 (409), logging no print', async () => {
    // Arrange
    const deps = world();
    await getPrintFile(deps, author, 'memo');
    const single = deps.store.all<SingleFileRecord>(SINGLE_FILE, 't1')[0]!;
    deps.objects.corrupt('attachments', single.key, new TextEncoder().encode('%PDF-1.7 başqa'));

    // Act
    const attempt = getPrintFile(deps, author, 'memo');

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'single_file_damaged' });
    expect(await printLog(deps)).toHaveLength(1);
  });
});
