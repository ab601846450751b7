import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  S3ObjectStore,
  sha256Base64,
} from '../../../../../functions/platform/adapters/s3/object-store.adapter';

const store = new S3ObjectStore({
  region: 'eu-central-1',
  endpoint: 'http://127.0.0.1:3002',
  credentials: { accessKeyId: 'k', secretAccessKey: 's' },
  buckets: { attachments: 'att-bucket', archive: 'arc-bucket' },
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name for Azerbaijani file names', () => {
    // Act
    const value = contentDisposition('Əmr №5 şəhər "İçərişəhər".pdf', false);

    // Assert
    expect(value).toBe(
      `attachment; filename="Emr No5 seher _Iceriseher_.pdf"; filename*=UTF-8''${encodeURIComponent('Əmr №5 şəhər "İçərişəhər".pdf')}`,
    );
  });

  it('marks inline views as inline', () => {
    // Act / Assert
    expect(contentDisposition('a.pdf', true)).toBe(`inline; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });
});

describe('S3ObjectStore.presignUpload (offline)', () => {
  it('signs content length, type and SHA-256 and tells the client which headers to send', async () => {
    // Arrange
    const body = new TextEncoder().encode('data');

    // Act
    const upload = await store.presignUpload({
      bucket: 'attachments',
      key: 'tenant-1/doc/att',
      contentType: 'application/pdf',
      contentLength: body.byteLength,
      sha256Base64: sha256Base64(body),
      expiresInSeconds: 600,
    });
    const url = new URL(upload.url);

    // Assert
    expect(url.pathname).toBe('/att-bucket/tenant-1/doc/att');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host;x-amz-checksum-sha256',
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
    expect(upload.method).toBe('PUT');
    expect(upload.headers).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Length': '4',
      'x-amz-checksum-sha256': sha256Base64(body),
    });
  });

  it('puts the download file name in response-content-disposition', async () => {
    // Act
    const url = new URL(
      await store.presignDownload({
        bucket: 'archive',
        key: 't/k',
        fileName: 'qəbz.pdf',
        inline: true,
        expiresInSeconds: 60,
      }),
    );

    // Assert
    expect(url.pathname).toBe('/arc-bucket/t/k');
    expect(url.searchParams.get('response-content-disposition')).toBe(contentDisposition('qəbz.pdf', true));
  });
});
