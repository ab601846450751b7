import { describe, expect, it } from 'vitest';
import { applicationKeys } from '../../../../functions/modules/eservices/usecases/application-records';
import {
  checkFiles,
  filesOf,
  sniffedAs,
  uploadClaim,
} from '../../../../functions/modules/eservices/usecases/applications/files';
import { submitApplication } from '../../../../functions/modules/eservices/usecases/applications/submit.usecase';
import { meta, OTHER_TENANT, TENANT } from '../../../support/builders';
import { jpegScan, pngScan } from '../../../support/scans';
import { agency, key, pdfBytes, sha256, uploadScan, visaBody } from './setup';

describe('the files an application names', () => {
  it('are found with their paths, in list rows too', () => {
    const a = { ref: 'a', name: 'a.pdf', mediaType: 'application/pdf', bytes: 1 };
    const b = { ref: 'b', name: 'b.png', mediaType: 'image/png', bytes: 2 };
    const c = { ref: 'c', name: 'c.jpg', mediaType: 'image/jpeg', bytes: 3 };
    expect(
      filesOf({
        variant: 'standard',
        common: { email: 'x@example.az', household: [{ name: 'Aysel', proof: [a] }, { proof: [] }] },
        applicants: [{ surname: 'Müller' }, { passportScan: [b, c] }],
      }),
    ).toEqual([
      { path: 'common.household[0].proof[0]', file: a },
      { path: 'applicants[1].passportScan[0]', file: b },
      { path: 'applicants[1].passportScan[1]', file: c },
    ]);
  });

  it('are sniffed by their first bytes where the type has a signature', () => {
    expect(sniffedAs('application/pdf', pdfBytes())).toBe(true);
    expect(sniffedAs('image/jpeg', jpegScan(8, 8))).toBe(true);
    expect(sniffedAs('image/png', pngScan(8, 8))).toBe(true);
    expect(sniffedAs('application/pdf', jpegScan(8, 8))).toBe(false);
    expect(sniffedAs('image/png', pdfBytes())).toBe(false);
    expect(sniffedAs('image/jpeg', new Uint8Array([0xff, 0xd8]))).toBe(false);
    expect(sniffedAs('application/vnd.oasis.opendocument.text', new Uint8Array([1, 2, 3]))).toBe(true);
  });

  it('give the stored uploads with their checksum and version when all check out', async () => {
    const deps = await agency();
    const scan = await uploadScan(deps);
    const head = await deps.objects.head({
      bucket: 'attachments',
      key: applicationKeys.upload(TENANT, scan.ref),
    });
    expect(await checkFiles(deps, TENANT, [{ path: 'applicants[0].passportScan[0]', file: scan }])).toEqual({
      ok: true,
      uploads: [
        {
          ref: scan.ref,
          key: applicationKeys.upload(TENANT, scan.ref),
          versionId: head!.versionId,
          sha256: sha256(pdfBytes()),
          bytes: 2048,
          mediaType: 'application/pdf',
        },
      ],
    });
  });

  it('give every issue at once: another agency\u2019s upload, a wrong type, a ref claimed already', async () => {
    const deps = await agency();
    const good = await uploadScan(deps);
    const claimed = await uploadScan(deps, pdfBytes(3));
    deps.store.seed('eservice-application', meta('AAAA-BBBB-CCCC-DDDD'), {
      claims: [uploadClaim(claimed.ref)],
    });
    const result = await checkFiles(deps, OTHER_TENANT, [{ path: 'p[0]', file: good }]);
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'p[0]', code: 'file_not_uploaded' }] });
    expect(
      await checkFiles(deps, TENANT, [
        { path: 'p[0]', file: good },
        { path: 'p[1]', file: { ...good, mediaType: 'image/png' } },
        { path: 'p[2]', file: claimed },
      ]),
    ).toMatchObject({
      ok: false,
      issues: [
        { path: 'p[1]', code: 'file_mismatch', text: { en: expect.stringContaining('size or type') } },
        { path: 'p[2]', code: 'file_already_used' },
      ],
    });
  });

  it('refuses files not uploaded, not as declared, of another type than their bytes, or of another application', async () => {
    const deps = await agency();
    const used = await visaBody(deps);
    await submitApplication(deps, TENANT, 'e-visa', used, key('first'));
    const scan = used.applicants[0]!.passportScan as Array<{
      ref: string;
      name: string;
      mediaType: string;
      bytes: number;
    }>;

    const cases: Array<[unknown, string]> = [
      [{ ...scan[0], ref: 'AAAAAAAAAAAAAAAAAAAAAAAA' }, 'file_not_uploaded'],
      [{ ...scan[0], ref: '../../other-agency/x' }, 'file_not_uploaded'],
      [{ ...(await uploadScan(deps)), bytes: 2047 }, 'file_mismatch'],
      [await uploadScan(deps, new Uint8Array(500).fill(65)), 'file_mismatch'],
      [scan[0], 'file_already_used'],
    ];
    for (const [file, code] of cases)
      await expect(
        submitApplication(
          deps,
          TENANT,
          'e-visa',
          { ...used, applicants: [{ ...used.applicants[0], passportScan: [file] }] },
          key(code + JSON.stringify(file).length),
        ),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        issues: [{ path: 'applicants[0].passportScan[0]', code }],
      });
  });
});
