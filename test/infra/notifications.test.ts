import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Notifications } from '../../infra/aws/constructs/notifications';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { actionsOf, bareStack, environmentOf, logicalId, statementsOf, stubEntry } from './bare-stack';

let sender: ProjectFunction;
let quiet: ProjectFunction;
let template: Template;
beforeAll(() => {
  const stack = bareStack();
  const notifications = new Notifications(stack, { mailDomain: 'mail.example.az' });
  sender = new ProjectFunction(stack, 'Sender', { entry: stubEntry, description: 'sender' });
  quiet = new ProjectFunction(stack, 'Quiet', { entry: stubEntry, description: 'quiet' });
  notifications.bind(sender, ['email', 'sms']);
  notifications.bind(quiet, ['table:read']);
  template = Template.fromStack(stack);
});

const vars = (pf: ProjectFunction): Record<string, unknown> => environmentOf(template, pf);

describe('notifications', () => {
  it('verifies the mail domain in SES', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.az' });
  });

  it('sets SES_FROM on the e-mail senders only', () => {
    expect(vars(sender).SES_FROM).toBe('no-reply@mail.example.az');
    expect(vars(quiet)?.SES_FROM).toBeUndefined();
  });

  it('gives senders SES send on the mail identity only, with the From address pinned, and SMS publish', () => {
    const ses = statementsOf(template, logicalId(sender.role)).find((s) =>
      s.Action.includes('ses:SendEmail'),
    )!;
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@mail.example.az' } });
    expect(ses.Resource).toEqual({
      'Fn::Join': [
        '',
        ['arn:aws:ses:eu-central-1:111111111111:identity/', { Ref: expect.stringMatching(/^MailIdentity/) }],
      ],
    });
    expect(actionsOf(template, logicalId(sender.role))).toContain('sns:Publish');
  });

  it('allows sns:Publish on "*" (SMS) only next to a Deny of it on every topic', () => {
    const publish = statementsOf(template, logicalId(sender.role)).filter((s) =>
      [s.Action].flat().includes('sns:Publish'),
    );
    expect(publish).toEqual([
      { Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
      { Effect: 'Deny', Action: 'sns:Publish', Resource: 'arn:aws:sns:*:*:*' },
    ]);
  });

  it('gives the others no right to send', () => {
    const actions = actionsOf(template, logicalId(quiet.role));
    expect(actions.filter((a) => a.startsWith('ses:') || a.startsWith('sns:'))).toEqual([]);
  });
});
