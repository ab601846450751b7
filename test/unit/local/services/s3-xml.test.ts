import { describe, expect, it } from 'vitest';
import * as s3xml from '../../../../infra/local/services/s3-xml';

describe('S3 XML request bodies', () => {
  it('reads DeleteObjects bodies with and without version ids', () => {
    // Arrange
    const body =
      '<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>false</Quiet>' +
      '<Object><Key>a&amp;b</Key></Object><Object><Key>c</Key><VersionId>v1</VersionId></Object></Delete>';

    // Act
    const parsed = s3xml.parseDeleteObjectsBody(body);

    // Assert
    expect(parsed).toEqual({ objects: [{ key: 'a&b' }, { key: 'c', versionId: 'v1' }], quiet: false });
    expect(() => s3xml.parseDeleteObjectsBody('<Delete></Delete>')).toThrow(/not well-formed/);
    expect(() => s3xml.parseDeleteObjectsBody('<Other/>')).toThrow(/not well-formed/);
  });

  it('reads CompleteMultipartUpload, Retention, LegalHold and VersioningConfiguration bodies', () => {
    // Act
    const parts = s3xml.parseCompleteMultipartBody(
      '<CompleteMultipartUpload><Part><ETag>"e1"</ETag><PartNumber>1</PartNumber></Part>' +
        '<Part><PartNumber>2</PartNumber><ETag>e2</ETag></Part></CompleteMultipartUpload>',
    );
    const retention = s3xml.parseRetentionBody(
      '<Retention><Mode>COMPLIANCE</Mode><RetainUntilDate>2030-01-01T00:00:00Z</RetainUntilDate></Retention>',
    );
    const cleared = s3xml.parseRetentionBody('<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>');

    // Assert
    expect(parts).toEqual([
      { partNumber: 1, etag: 'e1' },
      { partNumber: 2, etag: 'e2' },
    ]);
    expect(retention).toEqual({ mode: 'COMPLIANCE', retainUntil: '2030-01-01T00:00:00Z' });
    expect(cleared).toEqual({});
    expect(s3xml.parseLegalHoldBody('<LegalHold><Status>ON</Status></LegalHold>')).toBe(true);
    expect(s3xml.parseLegalHoldBody('<LegalHold><Status>OFF</Status></LegalHold>')).toBe(false);
    expect(() => s3xml.parseLegalHoldBody('<LegalHold><Status>MAYBE</Status></LegalHold>')).toThrow();
    expect(
      s3xml.parseVersioningBody(
        '<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>',
      ),
    ).toBe('Suspended');
  });
});

describe('S3 XML results', () => {
  it('writes per-key DeleteObjects results with version ids and delete markers', () => {
    // Act
    const xml = s3xml.deleteObjectsResultXml(
      [{ key: 'c', deleteMarker: true, deleteMarkerVersionId: 'm1' }],
      [{ key: 'a&b', versionId: 'v1', code: 'AccessDenied', message: 'locked' }],
      false,
    );
    const quiet = s3xml.deleteObjectsResultXml([{ key: 'c' }], [], true);

    // Assert
    expect(xml).toContain(
      '<Deleted><Key>c</Key><DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>m1</DeleteMarkerVersionId></Deleted>',
    );
    expect(xml).toContain(
      '<Error><Key>a&amp;b</Key><VersionId>v1</VersionId><Code>AccessDenied</Code><Message>locked</Message></Error>',
    );
    expect(quiet).not.toContain('<Deleted>');
  });

  it('lists versions and delete markers, and the Object Lock configuration', () => {
    // Act
    const xml = s3xml.listVersionsXml({
      bucket: 'b',
      prefix: '',
      keyMarker: '',
      versionIdMarker: '',
      maxKeys: 1000,
      truncated: false,
      prefixes: [],
      versions: [
        {
          key: 'k',
          versionId: 'm',
          isLatest: true,
          lastModified: '2026-01-02T00:00:00.000Z',
          deleteMarker: true,
        },
        {
          key: 'k',
          versionId: 'v',
          isLatest: false,
          lastModified: '2026-01-01T00:00:00.000Z',
          deleteMarker: false,
          etag: '"e"',
          size: 3,
        },
      ],
    });
    const lock = s3xml.objectLockConfigurationXml({ mode: 'COMPLIANCE', days: 3653 });

    // Assert
    expect(xml).toContain('<DeleteMarker><Key>k</Key><VersionId>m</VersionId><IsLatest>true</IsLatest>');
    expect(xml).toContain('<Version><Key>k</Key><VersionId>v</VersionId><IsLatest>false</IsLatest>');
    expect(xml).toContain('<ETag>&quot;e&quot;</ETag><Size>3</Size>');
    expect(lock).toContain(
      '<ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>3653</Days></DefaultRetention></Rule>',
    );
  });
});
