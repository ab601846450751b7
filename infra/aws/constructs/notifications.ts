import { Stack, Validations } from 'aws-cdk-lib';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { Capability } from '../entries';
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

  constructor(scope: Construct, props: NotificationsProps) {
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
