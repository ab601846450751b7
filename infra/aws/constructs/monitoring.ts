import { Annotations, CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { alarmAtLeast } from './alarm';

export interface MonitoringProps {
  /** The data key: it encrypts the alarm topic and the dead-letter queues. */
  readonly key: IKey;
  /** Who hears the alarms (deployment parameters `alarmEmails`, `alarmWebhooks`). */
  readonly subscriptions?: AlarmSubscriptions;
  /**
   * A deployment that must reach someone (every environment but a developer's): synthesis fails
   * without a subscription. Otherwise a missing subscription is a warning on the topic.
   */
  readonly requireSubscription?: boolean;
}

/** Alarm recipients: e-mail addresses, and HTTPS endpoints that confirm SNS subscriptions. */
export interface AlarmSubscriptions {
  readonly emails: readonly string[];
  readonly webhooks: readonly string[];
}

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().]{2,}$/u;

/**
 * Checks the recipients given as deployment parameters: e-mail addresses of a plain
 * `local@domain.tld` shape, webhooks only as `https://` URLs (SNS would send alarms, which name
 * resources of the account, in clear over `http://`). Throws, naming every bad entry.
 */
export function checkAlarmSubscriptions(given: AlarmSubscriptions): AlarmSubscriptions {
  const bad = [
    ...given.emails.filter((e) => !EMAIL.test(e)).map((e) => `alarm e-mail "${e}" is not an e-mail address`),
    ...given.webhooks
      .filter((w) => {
        try {
          const url = new URL(w);
          return (
            url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== ''
          );
        } catch {
          return true;
        }
      })
      .map((w) => `alarm webhook "${w}" is not an https:// URL`),
  ];
  if (bad.length > 0) throw new Error(`Alarm subscriptions: ${bad.join('; ')}`);
  return given;
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
    this.subscribe(props.subscriptions ?? { emails: [], webhooks: [] }, props.requireSubscription ?? false);
  }

  /** The topic's subscriptions: every alarm of the stack reaches these recipients. */
  private subscribe(given: AlarmSubscriptions, required: boolean): void {
    const { emails, webhooks } = checkAlarmSubscriptions(given);
    if (emails.length + webhooks.length === 0) {
      const message =
        'The alarm topic has no subscription: alarms reach nobody. Give -c alarmEmails=a@x.az,b@y.az and/or -c alarmWebhooks=https://... (infra/aws/README.md).';
      if (required) throw new Error(message);
      Annotations.of(this.topic).addWarningV2('@karguzar/alarms:no-subscription', message);
      return;
    }
    // Each recipient confirms its subscription once (the e-mail's link, the endpoint's
    // SubscriptionConfirmation): until then SNS delivers nothing to it.
    for (const email of new Set(emails)) this.topic.addSubscription(new EmailSubscription(email));
    for (const url of new Set(webhooks)) {
      this.topic.addSubscription(new UrlSubscription(url, { protocol: SubscriptionProtocol.HTTPS }));
    }
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
