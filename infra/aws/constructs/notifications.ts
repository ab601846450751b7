import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Metric, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import type { Capability } from '../entries';
import { alarmAtLeast } from './alarm';
import type { ProjectFunction } from './project-function';

export interface NotificationsProps {
  /** Domain verified in SES; mail is sent from no-reply@<domain>. */
  readonly mailDomain: string;
}

/**
 * Outgoing e-mail (SES domain identity, one From address) and SMS (SNS direct publish).
 * Resources are defined directly in `scope` (the stack): logical ids as deployed.
 */
export class Notifications {
  readonly mailIdentity: EmailIdentity;
  /** The one From address the senders may use. */
  readonly from: string;
  private readonly mailIdentityArn: string;
  private smsMonthlyLimitUsd?: number;

  constructor(
    private readonly scope: Construct,
    props: NotificationsProps,
  ) {
    this.mailIdentity = new EmailIdentity(scope, 'MailIdentity', {
      identity: Identity.domain(props.mailDomain),
    });
    this.from = `no-reply@${props.mailDomain}`;
    this.mailIdentityArn = Stack.of(scope).formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: this.mailIdentity.emailIdentityName,
    });
  }

  /**
   * The account's SMS settings (they are per account and region, not per stack): a monthly spend
   * limit after which SNS stops sending SMS, transactional delivery (codes and deadlines, not
   * marketing) and, if given, the default sender id. Set by a custom resource calling
   * `sns:SetSMSAttributes`, the only action its role may perform. The limit cannot exceed the
   * account's SMS spend quota (1 USD for a new account; raised by a support case first).
   */
  capSms(props: { readonly monthlyLimitUsd: number; readonly senderId?: string }): AwsCustomResource {
    const { monthlyLimitUsd, senderId } = props;
    if (!Number.isInteger(monthlyLimitUsd) || monthlyLimitUsd < 0) {
      throw new Error(`smsMonthlyLimitUsd must be a whole number of USD, 0 or more (got ${monthlyLimitUsd})`);
    }
    if (senderId !== undefined && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/u.test(senderId)) {
      throw new Error(`smsSenderId must be 1 to 11 letters and digits, with a letter (got "${senderId}")`);
    }
    const call = {
      service: 'SNS',
      action: 'SetSMSAttributes',
      parameters: {
        attributes: {
          MonthlySpendLimit: String(monthlyLimitUsd),
          DefaultSMSType: 'Transactional',
          ...(senderId ? { DefaultSenderID: senderId } : {}),
        },
      },
      physicalResourceId: PhysicalResourceId.of('karguzar-sms-attributes'),
    };
    const logGroup = new LogGroup(this.scope, 'SmsAttributesLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const resource = new AwsCustomResource(this.scope, 'SmsAttributes', {
      onCreate: call,
      onUpdate: call,
      // On delete the account keeps its limit: removing the stack must not lift the cap.
      policy: AwsCustomResourcePolicy.fromStatements([
        // SetSMSAttributes acts on the account's settings: it has no resource type, hence "*".
        new PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
      ]),
      installLatestAwsSdk: false,
      logGroup,
      timeout: Duration.minutes(1),
    });
    this.smsMonthlyLimitUsd = monthlyLimitUsd;
    const provider = Stack.of(this.scope).node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
    const acks: Array<[string, string]> = [
      [
        'AwsSolutions-IAM5[Resource::*]',
        'sns:SetSMSAttributes changes account-level SMS settings and has no resource type, so IAM requires "*"; the policy holds only that action.',
      ],
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The CDK AwsCustomResource provider (a CDK singleton that runs once per deployment) writes its logs with the basic execution policy.',
      ],
      [
        'AwsSolutions-L1',
        'The CDK AwsCustomResource provider picks its own Node.js runtime; it runs only during deployments to set the SMS attributes.',
      ],
    ];
    for (const [id, reason] of acks) {
      Validations.of(resource).acknowledge({ id, reason });
      if (provider) Validations.of(provider).acknowledge({ id, reason });
    }
    return resource;
  }

  /**
   * Alarms on what the account's messaging may cost or lose: the SES reputation rates at which
   * SES reviews (5 % bounces) or may pause (0.1 % complaints) the account, SMS spend nearing the
   * monthly limit set by `capSms` (80 %), and SMS that could not be delivered.
   */
  alarmOnReputationAndSpend(action: IAlarmAction): void {
    const hour = Duration.hours(1);
    // Account-level reputation metrics, published by SES as ratios (0.05 = 5 %).
    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: hour });
    alarmAtLeast(this.scope, 'SesBounceRate', {
      description: 'SES: bounce rate at 5 % (SES puts the account under review)',
      metric: ses('Reputation.BounceRate'),
      threshold: 0.05,
      action,
    });
    alarmAtLeast(this.scope, 'SesComplaintRate', {
      description: 'SES: complaint rate at 0.1 % (SES may pause sending)',
      metric: ses('Reputation.ComplaintRate'),
      threshold: 0.001,
      action,
    });
    if (this.smsMonthlyLimitUsd !== undefined && this.smsMonthlyLimitUsd > 0) {
      alarmAtLeast(this.scope, 'SmsSpend', {
        description: `SMS: month-to-date spend at 80 % of the ${this.smsMonthlyLimitUsd} USD limit (SNS stops SMS at the limit)`,
        metric: new Metric({
          namespace: 'AWS/SNS',
          metricName: 'SMSMonthToDateSpentUSD',
          statistic: 'Maximum',
          period: Duration.minutes(15),
        }),
        threshold: Math.round(this.smsMonthlyLimitUsd * 0.8 * 100) / 100,
        action,
      });
    }
    // SMS published straight to phone numbers (no topic) are counted under PhoneNumberDirect.
    alarmAtLeast(this.scope, 'SmsFailed', {
      description: 'SMS: 10 or more messages not delivered within an hour',
      metric: new Metric({
        namespace: 'AWS/SNS',
        metricName: 'NumberOfNotificationsFailed',
        dimensionsMap: { PhoneNumber: 'PhoneNumberDirect' },
        statistic: 'Sum',
        period: hour,
      }),
      threshold: 10,
      action,
    });
  }

  /**
   * `email`: SES_FROM and sending from that one address of the mail identity. `sms`: `sns:Publish`
   * to phone numbers only — SMS has no resource ARN, so the allow must name "*", and a Deny of
   * `sns:Publish` on every topic ARN in the same policy keeps it from reaching any topic.
   */
  bind(pf: ProjectFunction, grants: readonly Capability[]): void {
    if (grants.includes('email')) {
      pf.addEnvironment({ SES_FROM: this.from });
      pf.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resources: [this.mailIdentityArn],
          conditions: { StringEquals: { 'ses:FromAddress': this.from } },
        }),
      );
    }
    if (!grants.includes('sms')) return;
    const partition = Stack.of(pf).partition;
    const sms = new Policy(pf, 'SmsPublish', {
      statements: [
        new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }),
        new PolicyStatement({
          effect: Effect.DENY,
          actions: ['sns:Publish'],
          resources: [`arn:${partition}:sns:*:*:*`],
        }),
      ],
    });
    sms.attachToRole(pf.role);
    Validations.of(sms).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'sns:Publish directly to a phone number (SMS) has no resource ARN, so IAM requires "*"; the same policy denies sns:Publish on every topic ARN, so only phone numbers remain.',
    });
  }
}
