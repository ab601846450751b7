import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { BucketAccess, BucketName, Capability } from '../entries';
import { acknowledgeDataKeyGrants } from './data';
import type { ProjectFunction } from './project-function';

/** Days after the lock of a noncurrent attachment version before the lifecycle removes it. */
export const NONCURRENT_MARGIN_DAYS = 30;

export interface StorageProps {
  /** The data key: attachments and archive are encrypted with it (bucket keys on). */
  readonly key: IKey;
  /** Default retention of the archive (Object Lock COMPLIANCE), in days. @default 3653 */
  readonly archiveRetentionDays?: number;
  /** Default retention of document contents (Object Lock COMPLIANCE), in days. @default 3653 */
  readonly attachmentsRetentionDays?: number;
}

/**
 * Files: document contents (attachments), the archive, and the log bucket that receives the S3
 * access logs of every bucket and CloudFront's standard logs. Attachments and archive are
 * versioned under Object Lock COMPLIANCE; nothing is ever deleted (RETAIN).
 *
 * Resources are defined directly in `scope` (the stack), so their logical ids stay those of the
 * deployed stack: a new logical id would replace the buckets.
 */
export class Storage {
  readonly logBucket: Bucket;
  readonly attachments: Bucket;
  readonly archive: Bucket;
  private readonly key: IKey;

  constructor(
    private readonly scope: Construct,
    props: StorageProps,
  ) {
    this.key = props.key;
    this.logBucket = new Bucket(scope, 'LogBucket', {
      // S3 server access logs and CloudFront standard logs only support SSE-S3 targets;
      // CloudFront standard logs need ACLs (BUCKET_OWNER_PREFERRED).
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-logs',
          expiration: Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Contents of documents never change: every version is kept under Object Lock (compliance
    // mode, ten years unless told otherwise), and the app reads the version it verified (a later
    // write to the key cannot alter what it serves).
    const lockedBucket = (id: string, retentionDays: number | undefined, logPrefix: string, extra = {}) =>
      new Bucket(scope, id, {
        encryption: BucketEncryption.KMS,
        encryptionKey: props.key,
        bucketKeyEnabled: true,
        versioned: true,
        objectLockEnabled: true,
        objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(retentionDays ?? 3653)),
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
        enforceSSL: true,
        serverAccessLogsBucket: this.logBucket,
        serverAccessLogsPrefix: logPrefix,
        removalPolicy: RemovalPolicy.RETAIN,
        ...extra,
      });
    // A document reads the version it verified, normally the current one; a version that a later
    // write to the same key made noncurrent is a leftover. It goes once its lock has surely ended
    // (counted from when it became noncurrent, which is after it was written), plus a margin; a
    // version still locked or held is never removed (Object Lock wins over lifecycle).
    const attachmentsRetention = props.attachmentsRetentionDays ?? 3653;
    this.attachments = lockedBucket('AttachmentsBucket', attachmentsRetention, 's3/attachments/', {
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(attachmentsRetention + NONCURRENT_MARGIN_DAYS),
        },
      ],
    });
    // Archive objects go to Intelligent-Tiering: no retrieval fee, whatever reads them (the nightly
    // integrity check re-hashes every archived object, the archivists' downloads, transfer
    // packages); an object nothing reads for 30 / 90 days is billed at the Infrequent / Archive
    // Instant Access rate. Objects under 128 KB stay in Standard (S3's default minimum for
    // transitions). docs/decisions.md "Issue 18 — alarms and costs" explains the choice.
    this.archive = lockedBucket('ArchiveBucket', props.archiveRetentionDays, 's3/archive/', {
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
        {
          id: 'intelligent-tiering',
          transitions: [
            { storageClass: StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) },
          ],
        },
      ],
    });
  }

  /** Browsers upload document contents with presigned PUTs, from the web app's origins only. */
  allowBrowserUploads(origins: string[]): void {
    this.attachments.addCorsRule({
      allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
      allowedOrigins: origins,
      allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
      exposedHeaders: ['ETag', 'x-amz-version-id'],
      maxAge: 3000,
    });
  }

  /**
   * Citizens upload e-service scans with presigned PUTs from agency portals on any origin, and
   * read their receipts and results by presigned links: the URL is the credential and no cookie
   * or Authorization is ever sent, so any origin may (S3 answers `*` without Allow-Credentials).
   */
  allowPublicUploads(): void {
    this.attachments.addCorsRule({
      allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
      allowedOrigins: ['*'],
      allowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm'],
      exposedHeaders: ['ETag', 'x-amz-version-id'],
      maxAge: 3000,
    });
  }

  /**
   * ATTACHMENTS_BUCKET and ARCHIVE_BUCKET (the object store needs both names) for a function that
   * uses either bucket, and per bucket only the declared accesses, as explicit actions:
   * `read` GetObject/GetObjectVersion (and ListBucket, so that a missing key answers 404, not 403),
   * `put` PutObject/AbortMultipartUpload, `retention` PutObjectRetention, `legalHold`
   * PutObjectLegalHold, `lockState` GetObjectRetention/GetObjectLegalHold, `deleteVersion`
   * DeleteObjectVersion (disposal: Object Lock still refuses a version under retention or hold).
   * Never DeleteObject, never BypassGovernanceRetention. The data key: Decrypt to read,
   * Encrypt/GenerateDataKey (and Decrypt, for multipart uploads) to write.
   */
  bindBuckets(pf: ProjectFunction, grants: readonly Capability[]): void {
    const stack = Stack.of(this.scope);
    const arnOf = (b: Bucket): string => `<${stack.getLogicalId(b.node.defaultChild as never)}.Arn>`;
    const buckets: Array<[BucketName, Bucket]> = [
      ['attachments', this.attachments],
      ['archive', this.archive],
    ];
    let any = false;
    let writes = false;
    for (const [name, bucket] of buckets) {
      const access = BUCKET_ACCESS.filter((a) => grants.includes(`${name}:${a}`));
      if (access.length === 0) continue;
      any = true;
      const objectActions = access.flatMap((a) => OBJECT_ACTIONS[a]);
      pf.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: objectActions, resources: [bucket.arnForObjects('*')] }),
      );
      if (access.includes('read')) {
        pf.role.addToPrincipalPolicy(
          new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
        );
      }
      if (access.some((a) => a !== 'read' && a !== 'lockState')) writes = true;
      Validations.of(pf.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${arnOf(bucket)}/*]`,
        reason: `Objects of the ${name} bucket (keys are tenant-prefixed and chosen at run time): ${access.join(', ')} only.`,
      });
    }
    if (!any) return;
    pf.addEnvironment({
      ATTACHMENTS_BUCKET: this.attachments.bucketName,
      ARCHIVE_BUCKET: this.archive.bucketName,
    });
    this.key.grant(pf.role, 'kms:Decrypt');
    if (writes) this.key.grant(pf.role, 'kms:Encrypt', 'kms:GenerateDataKey*');
    acknowledgeDataKeyGrants(pf.role);
  }
}

/** The bucket accesses in the order their statements are written. */
const BUCKET_ACCESS: readonly BucketAccess[] = [
  'read',
  'put',
  'retention',
  'legalHold',
  'lockState',
  'deleteVersion',
];

const OBJECT_ACTIONS: Readonly<Record<BucketAccess, readonly string[]>> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  put: ['s3:PutObject', 's3:AbortMultipartUpload'],
  retention: ['s3:PutObjectRetention'],
  legalHold: ['s3:PutObjectLegalHold'],
  lockState: ['s3:GetObjectRetention', 's3:GetObjectLegalHold'],
  deleteVersion: ['s3:DeleteObjectVersion'],
};
