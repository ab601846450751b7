import { describe, expect, it } from 'vitest';
import { applicationKeys } from '../../../../functions/modules/eservices/usecases/application-records';
import { startUpload } from '../../../../functions/modules/eservices/usecases/applications/uploads.usecase';
import { TENANT } from '../../../support/builders';
import { agency, pdfBytes, sha256 } from './setup';

const scan = {
  field: 'passportScan',
  name: 'p.pdf',
  mediaType: 'application/pdf',
  bytes: 1000,
  sha256: sha256(pdfBytes()),
};

describe('uploads for an application', () => {
  it('presigns a PUT bound to the declared type, length and checksum under an unguessable ref', async () => {
    const deps = await agency();
    const a = await startUpload(deps, TENANT, 'e-visa', scan);
    const b = await startUpload(deps, TENANT, 'e-visa', scan);
    expect(a.ref).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.ref).not.toBe(b.ref);
    expect(deps.objects.uploadsPresigned[0]).toEqual({
      bucket: 'attachments',
      key: applicationKeys.upload(TENANT, a.ref),
      contentType: 'application/pdf',
      contentLength: 1000,
      sha256Base64: scan.sha256,
      expiresInSeconds: 900,
    });
    expect(a.upload).toMatchObject({
      method: 'PUT',
      signedHeaders: { 'x-amz-checksum-sha256': scan.sha256 },
    });
  });

  it('refuses what the form’s file field does not take, every problem at once', async () => {
    const deps = await agency();
    await expect(
      startUpload(deps, TENANT, 'e-visa', { ...scan, mediaType: 'image/gif', bytes: 6 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [
        {
          path: 'mediaType',
          code: 'file_type_not_allowed',
          text: { en: expect.stringContaining('application/pdf') },
        },
        { path: 'bytes', code: 'file_too_large' },
      ],
    });
    await expect(startUpload(deps, TENANT, 'e-visa', { ...scan, field: 'surname' })).rejects.toMatchObject({
      issues: [{ path: 'field', code: 'not_a_file_field' }],
    });
    expect(deps.objects.uploadsPresigned).toEqual([]);
  });

  it('gives the catalogue’s 404 for an unknown agency or service', async () => {
    const deps = await agency();
    await expect(startUpload(deps, 'nobody', 'e-visa', scan)).rejects.toMatchObject({ code: 'not_found' });
    await expect(startUpload(deps, TENANT, 'nothing', scan)).rejects.toMatchObject({ code: 'not_found' });
  });
});
