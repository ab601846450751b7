import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
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
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { alarmAtLeast } from './alarm';
import type { Capability } from '../entries';
import type { NewAppFunction } from './app-functions';
import type { Monitoring } from './monitoring';
import { ProjectFunction } from './project-function';
import { SIGNING_KEY_TAGS, SIGNING_PURPOSE } from '../../../functions/platform/ports/signing.port';

const dataKeyAcknowledged = new WeakSet<IRole>();

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
export class Data {
  readonly dataKey: Key;
  readonly signingKey: Key;
  readonly table: Table;

  constructor(private readonly scope: Construct) {
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

  /** The stream consumer (archiving, machines, notifications, signer keys), when its entry exists. */
  addStreamConsumer(props: {
    readonly entry: string;
    readonly newFunction: NewAppFunction;
    readonly monitoring: Monitoring;
    /** What the consumer's code may do (`entries.ts`). */
    readonly grants: readonly Capability[];
  }): ProjectFunction | undefined {
    if (!ProjectFunction.entryExists(props.entry)) return undefined;
    const dlq = props.monitoring.deadLetterQueue(
      'StreamDlq',
      'DLQ of DynamoDB stream batches that failed processing',
      'event-source-mapping',
    );
    const pf = props.newFunction('StreamFn', {
      entry: props.entry,
      description: 'Kargüzar DynamoDB stream consumer (search indexer, notifications)',
      timeout: Duration.seconds(60),
      grants: props.grants,
    });
    this.bindStream(pf, dlq);
    return pf;
  }

  /**
   * Feeds the table stream to a consumer: partial batch failures, bisect on error, a day of
   * retries, then the batch goes to `onFailure`.
   */
  bindStream(pf: ProjectFunction, onFailure: IQueue): void {
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
    pf.fn.addEventSourceMapping('TableStream', {
      eventSourceArn: this.table.tableStreamArn!,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(24),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(onFailure),
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
