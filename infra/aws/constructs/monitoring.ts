import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { alarmAtLeast } from './alarm';

export interface MonitoringProps {
  /** The data key: it encrypts the alarm topic and the dead-letter queues. */
  readonly key: IKey;
}

/**
 * Where operators hear about trouble: the alarm topic (every alarm of the stack notifies it) and
 * the dead-letter queues, each watched by a depth alarm.
 *
 * Like every concern in this folder it defines its resources directly in `scope` (the stack):
 * their construct paths, hence their logical ids, stay those of the deployed stack.
 */
export class Monitoring {
  readonly topic: Topic;
  /** The action every alarm of the stack uses. */
  readonly action: IAlarmAction;

  constructor(
    private readonly scope: Construct,
    private readonly props: MonitoringProps,
  ) {
    // CloudWatch alarms publish to the encrypted alarm topic.
    props.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(scope, 'AlarmTopic', {
      displayName: 'Kargüzar alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.action = new SnsAction(this.topic);
    new CfnOutput(scope, 'AlarmTopicArn', { value: this.topic.topicArn });
  }

  /**
   * An encrypted, TLS-only dead-letter queue (14 days) with an alarm as soon as a message waits.
   * `consumer` says who writes to it: a Lambda DeadLetterConfig, or an event source mapping's
   * on-failure destination (which cdk-nag does not recognise as a DLQ use).
   */
  deadLetterQueue(id: string, description: string, consumer: 'lambda' | 'event-source-mapping'): Queue {
    const q = new Queue(this.scope, id, {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    if (consumer === 'event-source-mapping') {
      // nag recognises a queue used as a Lambda DeadLetterConfig, not an ESM on-failure destination.
      Validations.of(q).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: `${description} is itself a dead-letter queue (on-failure destination of the stream mapping); an operator inspects it after the depth alarm.`,
      });
    }
    alarmAtLeast(this.scope, `${id}Depth`, {
      description: `${description}: messages waiting`,
      metric: q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      action: this.action,
    });
    return q;
  }
}
