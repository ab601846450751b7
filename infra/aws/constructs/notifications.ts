import { Stack, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
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

  /** SES_FROM for every application function; the right to send only for the senders. */
  bind(pf: ProjectFunction, options: { readonly send: boolean }): void {
    pf.addEnvironment({ SES_FROM: this.from });
    if (!options.send) return;
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.mailIdentityArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.from } },
      }),
    );
    // SMS to phone numbers has no resource ARN; topics are excluded by the condition-free
    // separate policy so that the acknowledgement below names exactly this statement.
    const sms = new Policy(pf, 'SmsPublish', {
      statements: [new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] })],
    });
    sms.attachToRole(pf.role);
    Validations.of(sms).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'sns:Publish directly to a phone number (SMS) has no resource ARN, so IAM requires "*"; this policy holds only that action.',
    });
  }
}
