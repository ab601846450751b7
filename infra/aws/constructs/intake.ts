import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  EventType,
  ObjectLockRetention,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import type { Construct } from 'constructs';
import type { Capability } from '../entries';
import type { NewAppFunction } from './app-functions';
import type { Monitoring } from './monitoring';
import { ProjectFunction } from './project-function';

/** Where SES receiving writes raw messages, and where the S3 event that takes them in looks. */
export const INTAKE_PREFIX = 'inbound/';

export interface IntakeProps {
  /** The platform's intake domain: mail to `<tenant key>@<domain>` is taken in (MX to SES). */
  readonly domain: string;
  /** Receives the intake bucket's S3 access logs. */
  readonly logBucket: IBucket;
  /** Retention of raw intake mail (Object Lock COMPLIANCE), in days. @default 3653 */
  readonly retentionDays?: number;
}

/**
 * E-mail in (issue 14): SES receiving for the intake domain (one receipt rule: spam and virus
 * scanning, TLS required, an S3 action into the intake bucket), and the intake Lambda that S3's
 * ObjectCreated event invokes for each stored message (`functions/api/intake.handler.ts`). The
 * bucket keeps every version under Object Lock COMPLIANCE, as the archive does, encrypted with
 * S3-managed keys (SES writes it as a service principal; a customer key would need SES's own
 * client-side encryption). The rule set must be made the account's active one once (README).
 */
export class Intake {
  readonly bucket: Bucket;
  readonly ruleSet: ReceiptRuleSet;
  readonly domain: string;

  constructor(
    private readonly scope: Construct,
    props: IntakeProps,
  ) {
    this.domain = props.domain;
    this.bucket = new Bucket(scope, 'IntakeBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(props.retentionDays ?? 3653)),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 's3/intake/',
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.ruleSet = new ReceiptRuleSet(scope, 'IntakeRuleSet', {
      rules: [
        {
          recipients: [props.domain],
          scanEnabled: true,
          tlsPolicy: TlsPolicy.REQUIRE,
          actions: [new actions.S3({ bucket: this.bucket, objectKeyPrefix: INTAKE_PREFIX })],
        },
      ],
    });
  }

  /**
   * INTAKE_BUCKET and INTAKE_DOMAIN, and reading raw messages (GetObject/GetObjectVersion, and
   * ListBucket so that a missing key answers 404), for a function that declares `intake:read`.
   */
  bind(pf: ProjectFunction, grants: readonly Capability[]): void {
    if (!grants.includes('intake:read')) return;
    pf.addEnvironment({ INTAKE_BUCKET: this.bucket.bucketName, INTAKE_DOMAIN: this.domain });
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects(`${INTAKE_PREFIX}*`)],
      }),
    );
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    );
    const stack = Stack.of(this.scope);
    const arn = `<${stack.getLogicalId(this.bucket.node.defaultChild as never)}.Arn>`;
    Validations.of(pf.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arn}/${INTAKE_PREFIX}*]`,
      reason: 'Raw messages SES receiving stored under inbound/ (keys are SES message ids): read only.',
    });
  }

  /** The intake Lambda, invoked by the bucket's ObjectCreated events under `inbound/`. */
  addFunction(props: {
    readonly entry: string;
    readonly newFunction: NewAppFunction;
    readonly grants: readonly Capability[];
    /** Where an event goes after Lambda's two retries (the raw message stays in the bucket). */
    readonly monitoring: Monitoring;
  }): ProjectFunction | undefined {
    if (!ProjectFunction.entryExists(props.entry)) return undefined;
    const pf = props.newFunction('MailIntakeFn', {
      entry: props.entry,
      description: 'Kargüzar e-mail in: a raw message at an intake address becomes a received item',
      timeout: Duration.seconds(120),
      memorySize: 1024,
      grants: props.grants,
      deadLetterQueue: props.monitoring.deadLetterQueue(
        'IntakeDlq',
        'DLQ of the e-mail intake (S3 events not taken in)',
        'lambda',
      ),
    });
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(pf.fn), {
      prefix: INTAKE_PREFIX,
    });
    this.acknowledgeNotificationsHandler();
    return pf;
  }

  /** The CDK singleton that writes the bucket's notification configuration at deployment. */
  private acknowledgeNotificationsHandler(): void {
    const stack = Stack.of(this.scope);
    const handler = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (!handler) return;
    const acks: Array<[string, string]> = [
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The CDK bucket-notifications handler (a CDK singleton that runs only during deployments) writes its logs with the basic execution policy.',
      ],
      [
        'AwsSolutions-IAM5[Resource::*]',
        's3:PutBucketNotification of the CDK bucket-notifications handler: CDK grants it on "*"; it runs only during deployments.',
      ],
      [
        'AwsSolutions-L1',
        'The CDK bucket-notifications handler picks its own runtime; it runs only during deployments.',
      ],
    ];
    for (const [id, reason] of acks) Validations.of(handler).acknowledge({ id, reason });
  }
}
