import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../../infra/aws/constructs/data';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { actionsOf, bareStack, environmentOf, logicalId, statementsOf, stubEntry } from './bare-stack';

let data: Data;
let fn: ProjectFunction;
let reader: ProjectFunction;
let template: Template;
beforeAll(() => {
  const stack = bareStack();
  data = new Data(stack);
  fn = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'test function' });
  data.bindTable(fn, ['table:read', 'table:write', 'table:delete']);
  data.bindSigningKey(fn, ['signer', 'signingKeys']);
  reader = new ProjectFunction(stack, 'Reader', { entry: stubEntry, description: 'test function' });
  data.bindTable(reader, ['table:read']);
  data.bindSigningKey(reader, []);
  const alarms = new SnsAction(new Topic(stack, 'Alarms'));
  data.bindStream(fn, { replay: data.streamReplayBucket(new Bucket(stack, 'Logs')), action: alarms });
  data.alarmOnThrottles(alarms);
  template = Template.fromStack(stack);
});

describe('DynamoDB table', () => {
  it('has pk/sk, gsi1 and gsi2, on-demand billing, streams and TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
        }),
        Match.objectLike({
          IndexName: 'gsi2',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
        }),
      ],
    });
  });

  it('has PITR, deletion protection and SSE with the customer-managed data key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(data.dataKey), 'Arn'] },
      },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('alarms on throttled requests', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: 'DynamoDB: throttled requests',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alarms') }],
    });
  });
});

describe('KMS keys', () => {
  it('rotates the symmetric data key', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeySpec: Match.absent(),
      EnableKeyRotation: true,
    });
  });

  it('has an ECC_NIST_P256 SIGN_VERIFY signing key', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
    });
  });

  it('retains every key: the data key, the signing key and the e-visa code key', () => {
    const keys = Object.values(template.findResources('AWS::KMS::Key'));
    expect(keys).toHaveLength(3);
    for (const key of keys) expect(key.DeletionPolicy).toBe('Retain');
  });
});

/** What `table:read` allows, sorted. */
const READS = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'];

describe('bindings', () => {
  const vars = (): Record<string, unknown> => environmentOf(template, fn);

  it('bindTable sets TABLE_NAME and grants the declared item actions: reads on the table and its indexes, writes on the table', () => {
    expect(vars().TABLE_NAME).toEqual({ Ref: logicalId(data.table) });
    const tableArn = { 'Fn::GetAtt': [logicalId(data.table), 'Arn'] };
    const statements = statementsOf(template, logicalId(fn.role));
    const read = statements.find((s) => [s.Action].flat().includes('dynamodb:Query'));
    expect([read?.Action].flat().sort()).toEqual(READS);
    expect(read?.Resource).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
    const write = statements.find((s) => [s.Action].flat().includes('dynamodb:PutItem'));
    expect([write?.Action].flat().sort()).toEqual([
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    expect(write?.Resource).toEqual(tableArn);
    for (const never of ['dynamodb:Scan', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteTable']) {
      expect(actionsOf(template, logicalId(fn.role))).not.toContain(never);
    }
  });

  it('bindTable gives a reader only reads, and sets no signing key for a function without signing', () => {
    const actions = actionsOf(template, logicalId(reader.role));
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(READS);
    expect(actions.filter((a) => a.startsWith('kms:')).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    expect(environmentOf(template, reader).SIGNING_KEY_ID).toBeUndefined();
  });

  it('bindSigningKey sets SIGNING_KEY_ID and allows sign/verify only', () => {
    expect(vars().SIGNING_KEY_ID).toEqual({ Ref: logicalId(data.signingKey) });
    const onSigningKey = statementsOf(template, logicalId(fn.role)).filter(
      (s) =>
        JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [logicalId(data.signingKey), 'Arn'] }),
    );
    expect(onSigningKey.flatMap((s) => [s.Action].flat()).sort()).toEqual([
      'kms:GetPublicKey',
      'kms:Sign',
      'kms:Verify',
    ]);
  });

  it('bindSigningKey lets the API sign with and read only the run-time keys tagged for document signing', () => {
    const statements = statementsOf(template, logicalId(fn.role));
    const onTagged = statements.filter((s) => [s.Action].flat().includes('kms:Sign') && s.Condition);
    expect(onTagged).toHaveLength(1);
    expect([onTagged[0]!.Action].flat().sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    expect(onTagged[0]!.Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/karguzar:purpose': 'document-signing' },
    });
    const management = statements.flatMap((s) => [s.Action].flat());
    for (const forbidden of [
      'kms:ScheduleKeyDeletion',
      'kms:PutKeyPolicy',
      'kms:DisableKey',
      'kms:CreateGrant',
    ])
      expect(management).not.toContain(forbidden);
  });

  it('bindStream maps the table stream with partial batch failures and an on-failure destination', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalId(data.table), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});
