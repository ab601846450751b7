import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoTaskInbox } from '../../../functions/modules/notifications/dynamodb/task-inbox.adapter';
import {
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ownEmbedded } from '../../support/own-embedded';
import { advanceClock, advanceClockTo, clockNow } from '../../support/clock';
import { executionHistory, markerFired, startMarker } from '../../support/workflows';
import { eventually } from '../../support/eventually';

const embedded = ownEmbedded();
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const sfn = () =>
  new SFNClient({ endpoint: `http://127.0.0.1:${embedded.port + 4}`, region: 'eu-central-1', credentials });
const arn = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:karguzar-${name}`;

async function status(executionArn: string): Promise<string | undefined> {
  return (await sfn().send(new DescribeExecutionCommand({ executionArn }))).status;
}

describe('Step Functions in the embedded default survive kill -9', () => {
  it('a timer and a task-token wait both complete after a crash and restart, the timer at its original time', async () => {
    // Arrange: a notification due in 10 minutes (clock time) and a human step waiting on its token.
    const subject = `Son tarix xatırlatması ${Math.random().toString(36).slice(2, 8)}`;
    const notifyAt = new Date(Date.parse(await clockNow(embedded.baseUrl)) + 10 * 60_000).toISOString();
    const timer = await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: arn('scheduled-notification'),
        name: `crash-timer-${Date.now()}`,
        input: JSON.stringify({
          notifyAt,
          notification: {
            channel: 'email',
            to: ['icraci@demo1.example.az'],
            subject,
            text: 'Sənədin icra müddəti yaxınlaşır.',
          },
        }),
      }),
    );
    const assignmentId = `crash-${Date.now()}`;
    const human = await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: arn('human-step'),
        name: `crash-human-${Date.now()}`,
        input: JSON.stringify({ tenantId: 'demo1', assignmentId, assignee: 'head', timeoutSeconds: 86_400 }),
      }),
    );
    const dynamo = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${embedded.port + 1}`,
      region: 'eu-central-1',
      credentials,
    });
    const inbox = new DynamoTaskInbox(DynamoDBDocumentClient.from(dynamo), 'karguzar');
    const token = await eventually(
      async () => (await inbox.get('demo1', assignmentId))?.taskToken,
      'the task token on the assignment',
      60_000,
    );
    dynamo.destroy();

    // Act: crash the whole embedded default and start it again on the same data folder.
    await embedded.kill9();
    await embedded.restart();

    // The token survives: the decision completes the waiting execution.
    await sfn().send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ outcome: 'approved' }) }),
    );
    await eventually(
      async () => ((await status(human.executionArn!)) === 'SUCCEEDED' ? 'ok' : undefined),
      'human step to finish',
      60_000,
    );

    // The timer has not fired early: advance the clock to a minute before its time (a marker due
    // then has fired, so the move was acted on), then past it.
    expect(await status(timer.executionArn!)).toBe('RUNNING');
    const minuteBefore = new Date(Date.parse(notifyAt) - 60_000).toISOString();
    const marker = await startMarker(embedded.baseUrl, minuteBefore);
    await advanceClockTo(embedded.baseUrl, minuteBefore);
    await markerFired(embedded.baseUrl, marker);
    expect(await status(timer.executionArn!)).toBe('RUNNING');
    expect((await executionHistory(embedded.baseUrl, timer.executionArn!)).at(-1)?.type).toBe(
      'WaitStateEntered',
    );
    await advanceClock(embedded.baseUrl, 61_000);
    await eventually(
      async () => ((await status(timer.executionArn!)) === 'SUCCEEDED' ? 'ok' : undefined),
      'timer to fire',
      60_000,
    );

    // Assert: the e-mail went through the local SES endpoint to maildev, exactly once.
    const mails = (await (await fetch(`http://127.0.0.1:${embedded.port + 6}/api/email`)).json()) as {
      subject: string;
    }[];
    expect(mails.filter((m) => m.subject === subject)).toHaveLength(1);
  });
});
