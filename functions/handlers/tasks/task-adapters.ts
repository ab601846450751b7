/**
 * Adapters for the Step Functions task Lambdas, built from the environment once per container.
 * Temporary and isolated on purpose: the composition root (functions/wiring) replaces this file.
 *
 * Environment: AWS_REGION; EMAIL_FROM (+ SES_ENDPOINT locally) for e-mail; SNS_ENDPOINT locally
 * for SMS; TABLE_NAME (+ DYNAMODB_ENDPOINT locally) for the task inbox. A variable is checked when
 * its adapter is first needed, so a task Lambda only needs the variables of its own channel.
 *
 * The layering rule (handlers get adapters from functions/wiring) is waived for this one file only,
 * until the wiring provides EmailSender, SmsSender and TaskInbox to the task Lambdas.
 */
/* eslint-disable no-restricted-imports -- temporary composition root of the task Lambdas, see above */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SesEmailSender } from '../../adapters/email/ses-email.adapter';
import type { EmailSender } from '../../ports/email.port';
import type { SmsSender } from '../../ports/sms.port';
import type { HumanTaskRegistration, TaskInbox } from '../../ports/task-inbox.port';

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`Invalid configuration: ${name}`);
  return v;
}

const region = () => process.env.AWS_REGION ?? 'eu-central-1';

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const emailSender = once<EmailSender>(
  () =>
    new SesEmailSender({
      region: region(),
      fromAddress: required('EMAIL_FROM'),
      ...(process.env.SES_ENDPOINT ? { endpoint: process.env.SES_ENDPOINT } : {}),
    }),
);

/** SMS through SNS Publish (the local SNS endpoint writes to the SMS outbox). */
export const smsSender = once<SmsSender>(() => {
  const client = new SNSClient({
    region: region(),
    ...(process.env.SNS_ENDPOINT ? { endpoint: process.env.SNS_ENDPOINT } : {}),
  });
  return {
    async send(message) {
      const out = await client.send(
        new PublishCommand({
          PhoneNumber: message.phone,
          Message: message.text,
          MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
        }),
      );
      if (!out.MessageId) throw new Error('SNS Publish returned no MessageId');
      return { messageId: out.MessageId };
    },
  };
});

/**
 * The token kept in the single table next to the assignment (pk = tenant, sk = assignment token
 * record). A repeat with the same token is a no-op; a new token (a retried step) replaces it.
 */
export const taskInbox = once<TaskInbox>(() => {
  const table = required('TABLE_NAME');
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: region(),
      ...(process.env.DYNAMODB_ENDPOINT
        ? {
            endpoint: process.env.DYNAMODB_ENDPOINT,
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }
        : {}),
    }),
  );
  return {
    async record(r: HumanTaskRegistration) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            pk: r.tenantId,
            sk: `humanTask#${r.assignmentId}`,
            tenantId: r.tenantId,
            assignmentId: r.assignmentId,
            assignee: r.assignee,
            taskToken: r.taskToken,
            executionId: r.executionId,
          },
        }),
      );
    },
  };
});
