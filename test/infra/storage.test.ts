import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { Storage } from '../../infra/aws/constructs/storage';
import { actionsOf, bareStack, environmentOf, logicalId, statementsOf, stubEntry } from './bare-stack';

let storage: Storage;
let key: Key;
let fn: ProjectFunction;
let disposer: ProjectFunction;
let reader: ProjectFunction;
let none: ProjectFunction;
let template: Template;
const bucket = (b: { node: unknown }): Record<string, unknown> =>
  template.findResources('AWS::S3::Bucket')[logicalId(b as never)]!.Properties;

beforeAll(() => {
  const stack = bareStack();
  key = new Key(stack, 'Key');
  storage = new Storage(stack, { key, archiveRetentionDays: 3653 });
  storage.allowBrowserUploads(['https://edms.example.az']);
  fn = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'test function' });
  storage.bindBuckets(fn, [
    'attachments:read',
    'attachments:put',
    'archive:read',
    'archive:put',
    'archive:retention',
    'archive:legalHold',
  ]);
  disposer = new ProjectFunction(stack, 'Disposer', { entry: stubEntry, description: 'disposal' });
  storage.bindBuckets(disposer, ['archive:deleteVersion', 'attachments:deleteVersion', 'archive:lockState']);
  reader = new ProjectFunction(stack, 'Reader', { entry: stubEntry, description: 'reader' });
  storage.bindBuckets(reader, ['attachments:read']);
  none = new ProjectFunction(stack, 'None', { entry: stubEntry, description: 'no files' });
  storage.bindBuckets(none, []);
  template = Template.fromStack(stack);
});

describe('archive and attachments', () => {
  it('lets only the functions that declare it delete object versions (disposal), of the two buckets only', () => {
    expect(actionsOf(template, logicalId(fn.role))).not.toContain('s3:DeleteObjectVersion');
    expect(actionsOf(template, logicalId(disposer.role))).toContain('s3:DeleteObjectVersion');
    expect(actionsOf(template, logicalId(disposer.role))).not.toContain('s3:DeleteObject');
  });

  it('locks the archive bucket in COMPLIANCE mode with a default retention, versioned', () => {
    expect(bucket(storage.archive)).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3653 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('keeps every version of document contents under Object Lock (COMPLIANCE)', () => {
    expect(bucket(storage.attachments)).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3653 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('takes the retention periods from its props', () => {
    const stack = bareStack();
    const s = new Storage(stack, {
      key: new Key(stack, 'Key'),
      archiveRetentionDays: 30,
      attachmentsRetentionDays: 7,
    });
    const buckets = Template.fromStack(stack).findResources('AWS::S3::Bucket');
    const days = (b: object): unknown =>
      (
        buckets[logicalId(b as never)]!.Properties.ObjectLockConfiguration as {
          Rule: { DefaultRetention: object };
        }
      ).Rule.DefaultRetention;
    expect(days(s.archive)).toEqual({ Mode: 'COMPLIANCE', Days: 30 });
    expect(days(s.attachments)).toEqual({ Mode: 'COMPLIANCE', Days: 7 });
  });

  it('encrypts attachments and archive with the data key (bucket keys), the log bucket with SSE-S3', () => {
    for (const b of [storage.attachments, storage.archive]) {
      expect(bucket(b).BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [logicalId(key), 'Arn'] },
            },
          },
        ],
      });
    }
    expect(bucket(storage.logBucket).BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
  });

  it('retains every bucket', () => {
    const buckets = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(3);
    for (const b of buckets) expect(b.DeletionPolicy).toBe('Retain');
  });
});

describe('logs and uploads', () => {
  it('logs attachments and archive access to the log bucket', () => {
    for (const b of [storage.attachments, storage.archive]) {
      expect(bucket(b).LoggingConfiguration).toMatchObject({
        DestinationBucketName: { Ref: logicalId(storage.logBucket) },
      });
    }
  });

  it('allows presigned PUT from the given web origins only', () => {
    expect(bucket(storage.attachments).CorsConfiguration).toEqual({
      CorsRules: [
        expect.objectContaining({
          AllowedMethods: expect.arrayContaining(['PUT']),
          AllowedOrigins: ['https://edms.example.az'],
        }),
      ],
    });
  });
});

describe('bindBuckets', () => {
  it('sets both bucket names and grants the declared accesses per bucket, never delete', () => {
    const vars = environmentOf(template, fn);
    expect(vars.ATTACHMENTS_BUCKET).toEqual({ Ref: logicalId(storage.attachments) });
    expect(vars.ARCHIVE_BUCKET).toEqual({ Ref: logicalId(storage.archive) });
    const onObjects = (b: typeof storage.archive): string[] =>
      statementsOf(template, logicalId(fn.role))
        .filter(
          (s) =>
            JSON.stringify(s.Resource).includes(logicalId(b)) && JSON.stringify(s.Resource).includes('/*'),
        )
        .flatMap((s) => [s.Action].flat());
    expect(onObjects(storage.attachments).sort()).toEqual([
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:GetObjectVersion',
      's3:PutObject',
    ]);
    // The archive sets retention and legal holds per object.
    expect(onObjects(storage.archive).sort()).toEqual([
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:GetObjectVersion',
      's3:PutObject',
      's3:PutObjectLegalHold',
      's3:PutObjectRetention',
    ]);
    const actions = actionsOf(template, logicalId(fn.role));
    expect(actions.filter((a) => /^s3:Delete|BypassGovernance|^s3:\w+\*$/.test(a))).toEqual([]);
  });

  it('gives a reader reads of its bucket only, and a function without files neither names nor rights', () => {
    const actions = actionsOf(template, logicalId(reader.role));
    expect(actions.filter((a) => a.startsWith('s3:')).sort()).toEqual([
      's3:GetObject',
      's3:GetObjectVersion',
      's3:ListBucket',
    ]);
    expect(actions.filter((a) => a.startsWith('kms:'))).toEqual(['kms:Decrypt']);
    expect(actionsOf(template, logicalId(none.role)).filter((a) => /^(s3|kms):/.test(a))).toEqual([]);
    expect(environmentOf(template, none)?.ARCHIVE_BUCKET).toBeUndefined();
  });
});
