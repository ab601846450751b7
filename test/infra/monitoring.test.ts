import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { Monitoring } from '../../infra/aws/constructs/monitoring';
import { logicalId, onBareStack } from './bare-stack';

const s = onBareStack((stack) => {
  const key = new Key(stack, 'Key');
  const monitoring = new Monitoring(stack, { key });
  const lambdaDlq = monitoring.deadLetterQueue('LambdaDlq', 'DLQ of a Lambda', 'lambda');
  const streamDlq = monitoring.deadLetterQueue(
    'StreamDlq',
    'DLQ of a stream mapping',
    'event-source-mapping',
  );
  return { monitoring, key, lambdaDlq, streamDlq };
});

describe('alarm topic', () => {
  it('is encrypted with the data key, which CloudWatch may use to publish', () => {
    s.template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId(s.key), 'Arn'] },
    });
    s.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('refuses non-TLS publishing', () => {
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('dead-letter queues', () => {
  it('encrypts them with the data key and keeps messages 14 days', () => {
    s.template.allResourcesProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId(s.key), 'Arn'] },
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it('alarms on the topic as soon as a message waits', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms).toHaveLength(2);
    for (const a of alarms) {
      expect(a).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
        AlarmActions: [{ Ref: logicalId(s.monitoring.topic) }],
      });
    }
  });

  it('acknowledges SQS3 only on a queue that is an event source mapping destination', () => {
    const acknowledged = (q: Queue): boolean =>
      q.node.metadata.some((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    expect(acknowledged(s.streamDlq)).toBe(true);
    expect(acknowledged(s.lambdaDlq)).toBe(false);
  });
});
