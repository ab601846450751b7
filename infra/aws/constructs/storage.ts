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

  constructor(
    private readonly scope: Construct,
    props: StorageProps,
  ) {
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

  /** ATTACHMENTS_BUCKET, ARCHIVE_BUCKET; read and put on both, never delete. */
  bindBuckets(pf: ProjectFunction): void {
    pf.addEnvironment({
      ATTACHMENTS_BUCKET: this.attachments.bucketName,
      ARCHIVE_BUCKET: this.archive.bucketName,
    });
    this.attachments.grantRead(pf.role);
    this.attachments.grantPut(pf.role);
    this.archive.grantRead(pf.role);
    this.archive.grantPut(pf.role);

    const stack = Stack.of(this.scope);
    const arnOf = (b: Bucket): string => `<${stack.getLogicalId(b.node.defaultChild as never)}.Arn>`;
    const acks: Array<[string, string]> = [
      [
        `Resource::${arnOf(this.attachments)}/*`,
        'Objects of the attachments bucket (keys are tenant-prefixed and chosen at run time).',
      ],
      [
        `Resource::${arnOf(this.archive)}/*`,
        'Objects of the archive bucket (Object Lock protects them from change).',
      ],
      [
        'Action::s3:GetObject*',
        'CDK grantRead: GetObject, GetObjectVersion and their ACL/tagging reads on the two named buckets only.',
      ],
      ['Action::s3:GetBucket*', 'CDK grantRead: bucket metadata reads on the two named buckets only.'],
      ['Action::s3:List*', 'CDK grantRead: listing the two named buckets only.'],
      ['Action::s3:Abort*', 'CDK grantPut: aborting multipart uploads on the two named buckets only.'],
    ];
    for (const [finding, reason] of acks) {
      Validations.of(pf.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    acknowledgeDataKeyGrants(pf.role);
  }

  /**
   * Lets the disposal of archived documents (Decree 935 §153.2) delete object versions for good:
   * the stream consumer that executes an approved disposal act, and the nightly integrity task
   * that sweeps working copies once their lock ends. S3 Object Lock still refuses any version whose
   * retention has not ended or that is under a legal hold, whatever the role may do.
   */
  grantVersionDeletes(pf: ProjectFunction): void {
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:DeleteObjectVersion'],
        resources: [this.archive.arnForObjects('*'), this.attachments.arnForObjects('*')],
      }),
    );
  }
}
