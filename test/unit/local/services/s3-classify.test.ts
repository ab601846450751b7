import { describe, expect, it } from 'vitest';
import { classifyS3Request } from '../../../../infra/local/services/s3-classify';

const op = (method: string, target: string, copySource = false) => {
  const [path, query = ''] = target.split('?');
  const [bucket, ...rest] = path!.replace(/^\//, '').split('/');
  const key = rest.join('/');
  return classifyS3Request({
    method,
    ...(bucket ? { bucket } : {}),
    ...(key ? { key } : {}),
    query: new Map(new URLSearchParams(query)),
    hasCopySource: copySource,
  });
};

describe('classifyS3Request', () => {
  it('classifies object operations from method, path and sub-resources', () => {
    // Act / Assert
    expect(op('GET', '/b/k').op).toBe('GetObject');
    expect(op('GET', '/b/k?versionId=v').op).toBe('GetObject');
    expect(op('HEAD', '/b/k').op).toBe('HeadObject');
    expect(op('PUT', '/b/k').op).toBe('PutObject');
    expect(op('PUT', '/b/k', true).op).toBe('CopyObject');
    expect(op('DELETE', '/b/k?versionId=v').op).toBe('DeleteObject');
    expect(op('GET', '/b/k?retention').op).toBe('GetObjectRetention');
    expect(op('PUT', '/b/k?retention&versionId=v').op).toBe('PutObjectRetention');
    expect(op('GET', '/b/k?legal-hold').op).toBe('GetObjectLegalHold');
    expect(op('PUT', '/b/k?legal-hold').op).toBe('PutObjectLegalHold');
    expect(op('POST', '/b/k?uploads').op).toBe('CreateMultipartUpload');
    expect(op('PUT', '/b/k?partNumber=1&uploadId=u').op).toBe('UploadPart');
    expect(op('POST', '/b/k?uploadId=u').op).toBe('CompleteMultipartUpload');
    expect(op('DELETE', '/b/k?uploadId=u').op).toBe('AbortMultipartUpload');
    expect(op('GET', '/b/k?uploadId=u').op).toBe('ListParts');
  });

  it('classifies bucket and service operations', () => {
    // Act / Assert
    expect(op('GET', '/').op).toBe('ListBuckets');
    expect(op('GET', '/b').op).toBe('ListObjects');
    expect(op('GET', '/b?list-type=2&prefix=a').op).toBe('ListObjectsV2');
    expect(op('GET', '/b?versions').op).toBe('ListObjectVersions');
    expect(op('GET', '/b?uploads').op).toBe('ListMultipartUploads');
    expect(op('HEAD', '/b').op).toBe('HeadBucket');
    expect(op('GET', '/b?versioning').op).toBe('GetBucketVersioning');
    expect(op('PUT', '/b?versioning').op).toBe('PutBucketVersioning');
    expect(op('GET', '/b?object-lock').op).toBe('GetObjectLockConfiguration');
    expect(op('PUT', '/b?object-lock').op).toBe('PutObjectLockConfiguration');
    expect(op('GET', '/b?location').op).toBe('GetBucketLocation');
    expect(op('POST', '/b?delete').op).toBe('DeleteObjects');
    expect(op('DELETE', '/b').op).toBe('DeleteBucket');
    expect(op('PUT', '/b').op).toBe('CreateBucket');
  });

  it('ignores query parameters S3 does not know: they never change the operation', () => {
    // Act / Assert
    expect(op('DELETE', '/b/k?foo=bar').op).toBe('DeleteObject');
    expect(op('PUT', '/b/k?foo=bar&x-id=PutObject').op).toBe('PutObject');
    expect(op('DELETE', '/b/k?x-id=DeleteObject&versionId=v&foo').op).toBe('DeleteObject');
    expect(op('GET', '/b?foo=bar').op).toBe('ListObjects');
    expect(op('PUT', '/b?x-id=PutBucketVersioning&foo').op).toBe('CreateBucket');
    expect(op('GET', '/b/k?VersionId=v').op).toBe('GetObject');
  });

  it('refuses bucket configuration changes and never turns an unimplemented object sub-resource into a write', () => {
    // Act
    const policy = op('PUT', '/b?policy');
    const lifecycle = op('DELETE', '/b?lifecycle');
    const acl = op('PUT', '/b/k?acl');
    const tagging = op('DELETE', '/b/k?tagging');
    const encryption = op('PUT', '/b/k?encryption');
    const bucketSubresourceOnObject = op('DELETE', '/b/k?policy');
    const partCopy = op('PUT', '/b/k?partNumber=1&uploadId=u', true);
    const patch = op('PATCH', '/b/k');

    // Assert
    expect(policy).toEqual({ op: 'RefusedBucketChange', name: 'PutBucketPolicy' });
    expect(lifecycle).toEqual({ op: 'RefusedBucketChange', name: 'DeleteBucketLifecycleConfiguration' });
    for (const c of [acl, tagging, encryption, bucketSubresourceOnObject, partCopy, patch])
      expect(c.op).toBe('NotImplemented');
  });
});
