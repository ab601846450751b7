import { Aws, Duration, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Metric, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import {
  AttributeType,
  BillingMode,
  Operation,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { MetricType, StartingPosition, type CfnFunction, type IEventSourceDlq } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  type CfnBucket,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { alarmAtLeast } from './alarm';
import type { Capability } from '../entries';
import type { NewAppFunction } from './app-functions';
import type { Monitoring } from './monitoring';
import { ProjectFunction } from './project-function';
import { SIGNING_KEY_TAGS, SIGNING_PURPOSE } from '../../../functions/platform/ports/signing.port';

const dataKeyAcknowledged = new WeakSet<IRole>();

/** Reserved concurrency of the stream consumer unless the stack says otherwise. */
export const STREAM_RESERVED_CONCURRENCY = 5;
/** Days a failed stream batch is kept for replay. */
const STREAM_REPLAY_DAYS = 35;
/** The consumer is late when its oldest record is this old. */
const STREAM_ITERATOR_AGE_ALARM_MS = 5 * 60 * 1000;

/**
 * cdk-nag findings of any grant that uses the data key (table and bucket grants alike): CDK
 * grants `kms:ReEncrypt*` and `kms:GenerateDataKey*`, on the key ARN only. Once per role.
 */
export function acknowledgeDataKeyGrants(role: IRole): void {
  if (dataKeyAcknowledged.has(role)) return;
  dataKeyAcknowledged.add(role);
  for (const [action, reason] of [
    [
      'kms:ReEncrypt*',
      'Table writes and CDK queue grants (DLQs): ReEncrypt on the data key only (resource is the key ARN).',
    ],
    ['kms:GenerateDataKey*', 'Envelope encryption with the data key only (resource is the key ARN).'],
  ] as const) {
    Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason });
  }
}

/**
 * The records themselves: the customer-managed data key, the signing key and the single
 * DynamoDB table (gsi1, gsi2, stream, TTL, PITR, deletion protection). Nothing here is ever
 * deleted (RETAIN).
 *
 * Resources are defined directly in `scope` (the stack), so their logical ids stay those of the
 * deployed stack: a new logical id would replace the table and the keys.
 */
/** The e-visa code key's alias when the stack names none (the embedded default's alias). */
export const DEFAULT_VISA_CODE_KEY_ALIAS = 'alias/karguzar-evisa-codes';

export class Data {
  readonly dataKey: Key;
  readonly signingKey: Key;
  /**
   * The e-visa code key (issue 15): signs the QR codes of issued e-visas and nothing else; its
   * public half is published to everyone (`GET /api/public/v1/evisa/keys`), so it is a key of its
   * own, apart from the document-signing key. KMS cannot rotate asymmetric keys: a new key is a
   * new construct, the old one's public key stays published until its visas expire.
   */
  readonly visaCodeKey: Key;
  readonly table: Table;

  constructor(
    private readonly scope: Construct,
    options: { readonly visaCodeKeyAlias?: string } = {},
  ) {
    this.dataKey = new Key(scope, 'DataKey', {
      description: 'Kargüzar data encryption key (table, buckets, queues, topics, search)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.signingKey = new Key(scope, 'SigningKey', {
      description: 'Kargüzar document signing key (ECDSA P-256, sign/verify)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.visaCodeKey = new Key(scope, 'VisaCodeKey', {
      description: 'Kargüzar e-visa code key (ECDSA P-256, sign/verify): the QR codes of issued e-visas',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      alias: options.visaCodeKeyAlias ?? DEFAULT_VISA_CODE_KEY_ALIAS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new Table(scope, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: 'ttl',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of ['gsi1', 'gsi2']) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi,
        partitionKey: { name: `${gsi}pk`, type: AttributeType.STRING },
        sortKey: { name: `${gsi}sk`, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /**
   * TABLE_NAME (every function: the configuration requires it) and, per capability, explicit
   * DynamoDB actions: `table:read` GetItem/BatchGetItem/Query/ConditionCheckItem on the table and
   * its indexes, `table:write` PutItem/UpdateItem/ConditionCheckItem on the table, `table:delete`
   * DeleteItem (a released unique claim, a removed inbox line). Never Scan (lists are queries; the
   * one-time migrations run from a script), never BatchWriteItem (the registry seed runs locally);
   * TTL does expiry. The data key: Decrypt/DescribeKey to read, Encrypt/ReEncrypt/GenerateDataKey to write.
   */
  bindTable(pf: ProjectFunction, grants: readonly Capability[]): void {
    pf.addEnvironment({ TABLE_NAME: this.table.tableName });
    const read = grants.includes('table:read');
    const write = grants.includes('table:write');
    const del = grants.includes('table:delete');
    if (!read && !write && !del) return;
    const table = this.table.tableArn;
    if (read) {
      pf.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [
            'dynamodb:GetItem',
            'dynamodb:BatchGetItem',
            'dynamodb:Query',
            'dynamodb:ConditionCheckItem',
          ],
          resources: [table, `${table}/index/*`],
        }),
      );
      const tableId = Stack.of(this.scope).getLogicalId(this.table.node.defaultChild as never);
      Validations.of(pf.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
        reason: 'Queries on the two GSIs (gsi1, gsi2) of the single table.',
      });
    }
    const writes = [
      ...(write ? ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'] : []),
      ...(del ? ['dynamodb:DeleteItem'] : []),
    ];
    if (writes.length > 0) {
      pf.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: [...new Set(writes)], resources: [table] }),
      );
    }
    this.dataKey.grant(pf.role, 'kms:Decrypt', 'kms:DescribeKey');
    // The key actions CDK's table write grant gave (and the deployed roles had).
    if (write || del) this.dataKey.grant(pf.role, 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
    acknowledgeDataKeyGrants(pf.role);
  }

  /**
   * `signer`: SIGNING_KEY_ID and sign/verify with the signing key (never its deletion or policy);
   * `visaCode:publicKey` / `visaCode:sign`: EVISA_CODE_KEY_ID and the e-visa code key's
   * GetPublicKey / Sign;
   * `signingKeys`: the run-time document-signing keys (docs/signatures.md): the API creates an agency CA key per
   * tenant and a key per signing official at first need, so it may create ECC_NIST_P256
   * SIGN_VERIFY keys of AWS_KMS origin only when they carry the purpose tag (and only the three
   * signing tags), and sign with / read the public key of only the keys that carry it. Never
   * ScheduleKeyDeletion, PutKeyPolicy, DisableKey or any other key management. The keys get the
   * default key policy (the account's IAM policies decide).
   */
  bindSigningKey(pf: ProjectFunction, grants: readonly Capability[]): void {
    if (grants.includes('signer')) {
      pf.addEnvironment({ SIGNING_KEY_ID: this.signingKey.keyId });
      this.signingKey.grant(pf.role, 'kms:Sign', 'kms:Verify', 'kms:GetPublicKey');
    }
    if (grants.includes('signingKeys')) this.bindSigningKeys(pf);
    // The e-visa code key: its public half (the published key set, the check of a scanned code)
    // and, for the function that issues visas, signing. Never Verify (verifiers use the JWK).
    const visaPublic = grants.includes('visaCode:publicKey');
    const visaSign = grants.includes('visaCode:sign');
    if (visaPublic || visaSign) pf.addEnvironment({ EVISA_CODE_KEY_ID: this.visaCodeKey.keyId });
    if (visaPublic) this.visaCodeKey.grant(pf.role, 'kms:GetPublicKey');
    if (visaSign) this.visaCodeKey.grant(pf.role, 'kms:Sign');
  }

  /** The run-time document-signing keys: create (tagged), tag, sign and read the public key. */
  private bindSigningKeys(pf: ProjectFunction): void {
    const keys = `arn:${Aws.PARTITION}:kms:${Aws.REGION}:${Aws.ACCOUNT_ID}:key/*`;
    const purpose = `aws:RequestTag/${SIGNING_KEY_TAGS.purpose}`;
    const onlyTheseTags = { 'aws:TagKeys': Object.values(SIGNING_KEY_TAGS) };
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:CreateKey'],
        // CreateKey has no resource to name (the key does not exist yet): the conditions bound it.
        resources: ['*'],
        conditions: {
          StringEquals: {
            'kms:KeySpec': 'ECC_NIST_P256',
            'kms:KeyUsage': 'SIGN_VERIFY',
            'kms:KeyOrigin': 'AWS_KMS',
            [purpose]: SIGNING_PURPOSE,
          },
          'ForAllValues:StringEquals': onlyTheseTags,
        },
      }),
    );
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:TagResource'],
        resources: [keys],
        conditions: {
          StringEquals: { [purpose]: SIGNING_PURPOSE },
          'ForAllValues:StringEquals': onlyTheseTags,
        },
      }),
    );
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Sign', 'kms:GetPublicKey'],
        resources: [keys],
        conditions: { StringEquals: { [`aws:ResourceTag/${SIGNING_KEY_TAGS.purpose}`]: SIGNING_PURPOSE } },
      }),
    );
    Validations.of(pf.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'kms:CreateKey names no resource; allowed only for ECC_NIST_P256 SIGN_VERIFY AWS_KMS keys tagged karguzar:purpose=document-signing.',
    });
    Validations.of(pf.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/*]',
      reason:
        'Run-time signing keys (one per agency CA and signing official): Sign, GetPublicKey and TagResource only on keys tagged karguzar:purpose=document-signing.',
    });
  }

  /**
   * The stream consumer (archiving, machines, notifications, signer keys), when its entry exists.
   * Its reserved concurrency keeps an API surge from starving it (taken from the account's pool);
   * batches that keep failing go to the replay bucket (see `bindStream`).
   */
  addStreamConsumer(props: {
    readonly entry: string;
    readonly newFunction: NewAppFunction;
    readonly monitoring: Monitoring;
    /** What the consumer's code may do (`entries.ts`). */
    readonly grants: readonly Capability[];
    /** Receives the replay bucket's S3 access logs. */
    readonly logBucket: IBucket;
    /** Reserved concurrency of the consumer. @default 5 */
    readonly reservedConcurrency?: number;
  }): ProjectFunction | undefined {
    if (!ProjectFunction.entryExists(props.entry)) return undefined;
    const pf = props.newFunction('StreamFn', {
      entry: props.entry,
      description: 'Kargüzar DynamoDB stream consumer (search indexer, notifications)',
      timeout: Duration.seconds(60),
      grants: props.grants,
    });
    // AppFunctions builds every application Lambda alike; only this one reserves capacity.
    (pf.fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions =
      props.reservedConcurrency ?? STREAM_RESERVED_CONCURRENCY;
    this.bindStream(pf, {
      replay: this.streamReplayBucket(props.logBucket),
      action: props.monitoring.action,
    });
    return pf;
  }

  /**
   * Where the stream mapping puts a batch it gave up on: Lambda writes the whole invocation record
   * (the batch's records with their images, and why it failed), so an operator can replay it long
   * after the stream's 24 hours (infra/aws/README.md, "Replaying failed stream batches"). Encrypted
   * with the data key, TLS only, access-logged, kept 35 days; its logical id is fixed.
   */
  streamReplayBucket(logBucket: IBucket): Bucket {
    const bucket = new Bucket(this.scope, 'StreamReplayBucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/stream-replay/',
      lifecycleRules: [{ id: 'expire-failed-batches', expiration: Duration.days(STREAM_REPLAY_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (bucket.node.defaultChild as CfnBucket).overrideLogicalId('StreamReplayBucket');
    return bucket;
  }

  /**
   * Feeds the table stream to a consumer: partial batch failures, bisect on error, five retries
   * within six hours, then the failed batch itself goes to `replay` (an S3 on-failure
   * destination keeps the records, a queue would only point at them). Alarms: a batch given up on,
   * a batch that could not even be written there, and a consumer falling behind (iterator age).
   */
  bindStream(pf: ProjectFunction, failures: { replay: IBucket; action: IAlarmAction }): void {
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        resources: [this.table.tableStreamArn!],
      }),
    );
    // What Lambda needs to write a failed batch (PutObject, ListBucket, the key), nothing more:
    // CDK's S3OnFailureDestination would grant read, write and delete on the bucket.
    const replay = failures.replay;
    const onFailure: IEventSourceDlq = {
      bind: (_mapping, handler) => {
        handler.addToRolePolicy(
          new PolicyStatement({ actions: ['s3:PutObject'], resources: [replay.arnForObjects('*')] }),
        );
        handler.addToRolePolicy(
          new PolicyStatement({ actions: ['s3:ListBucket'], resources: [replay.bucketArn] }),
        );
        replay.encryptionKey?.grant(pf.role, 'kms:GenerateDataKey');
        return { destination: replay.bucketArn };
      },
    };
    const mapping = pf.fn.addEventSourceMapping('TableStream', {
      eventSourceArn: this.table.tableStreamArn!,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(6),
      reportBatchItemFailures: true,
      onFailure,
      metricsConfig: { metrics: [MetricType.EVENT_COUNT] },
    });
    Validations.of(pf.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this.scope).resolve((replay.node.defaultChild as CfnElement).logicalId) as string}.Arn>/*]`,
      reason:
        'Failed stream batches are written under keys Lambda chooses (shard and time) in the replay bucket only.',
    });
    const period = Duration.minutes(5);
    const esmMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Lambda',
        metricName,
        dimensionsMap: { EventSourceMappingUUID: mapping.eventSourceMappingId },
        statistic: 'Sum',
        period,
      });
    alarmAtLeast(pf, 'StreamBatchFailed', {
      description:
        'Stream consumer: a batch failed after its retries and was written to the replay bucket (replay it: infra/aws/README.md)',
      metric: esmMetric('OnFailureDestinationDeliveredEventCount'),
      threshold: 1,
      action: failures.action,
    });
    alarmAtLeast(pf, 'StreamBatchLost', {
      description: 'Stream consumer: a failed batch could not be written to the replay bucket (records lost)',
      metric: pf.fn.metric('DestinationDeliveryFailures', { statistic: 'Sum', period }),
      threshold: 1,
      action: failures.action,
    });
    alarmAtLeast(pf, 'IteratorAge', {
      description: 'Stream consumer: falling behind the table stream (oldest record 5 minutes or more)',
      metric: pf.fn.metric('IteratorAge', { statistic: 'Maximum', period }),
      threshold: STREAM_ITERATOR_AGE_ALARM_MS,
      action: failures.action,
    });
  }

  /** Alarm on throttled requests of the operations the application uses. */
  alarmOnThrottles(action: IAlarmAction): void {
    alarmAtLeast(this.scope, 'TableThrottles', {
      description: 'DynamoDB: throttled requests',
      metric: this.table.metricThrottledRequestsForOperations({
        period: Duration.minutes(5),
        operations: [
          Operation.GET_ITEM,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.QUERY,
          Operation.BATCH_GET_ITEM,
          Operation.BATCH_WRITE_ITEM,
          Operation.TRANSACT_GET_ITEMS,
          Operation.TRANSACT_WRITE_ITEMS,
        ],
      }),
      threshold: 1,
      action,
    });
  }
}
