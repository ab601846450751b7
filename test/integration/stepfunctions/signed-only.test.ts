import { rmSync } from 'node:fs';
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type StepFunctionsServer } from '../../../infra/local/stepfunctions/server';
import type { RawAnswer } from '../../support/http';
import { REFUSED, sendAs, type PlainCall } from '../local-services/helpers';
import { machineArn, sfnClient, signedFetch, tempDataDir } from './helpers';

const HOUR = 3_600_000;

/** AWS JSON 1.0 error: `{"__type", "message"}`, the type also in x-amzn-errortype. */
function jsonError(answer: RawAnswer) {
  const body = JSON.parse(answer.text) as { __type?: string; message?: unknown };
  expect(typeof body.message).toBe('string');
  expect(answer.headers['x-amzn-errortype']).toBe(body.__type);
  return { status: answer.status, code: body.__type };
}

const call = (target: string, input: unknown): PlainCall => ({
  service: 'states',
  path: '/',
  headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
  body: JSON.stringify(input),
});

describe('local Step Functions takes only requests signed with the local credentials', () => {
  let dataDir: string;
  let server: StepFunctionsServer;
  let client: SFNClient;
  const sends: unknown[] = [];
  const scheduled = machineArn('scheduled-notification');
  const input = (at: number) =>
    JSON.stringify({
      notifyAt: new Date(at).toISOString(),
      notification: { channel: 'sms', to: ['+994501234567'], text: 'Xatırlatma' },
    });

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await start({
      dataDir,
      port: 0,
      log: () => undefined,
      functions: {
        sendNotification: async (event) => {
          sends.push(event);
          return { channel: 'sms', messageId: `m-${sends.length}` };
        },
        registerTask: async () => ({ registered: true }),
      },
    });
    client = sfnClient(server.url);
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const executions = async () =>
    (await client.send(new ListExecutionsCommand({ stateMachineArn: scheduled }))).executions ?? [];

  it('refuses StartExecution unsigned, with an unknown key, a wrong secret or a changed byte, and starts nothing', async () => {
    // Arrange
    const now = server.runner.clock.now().getTime();
    const startCall = call('AWSStepFunctions.StartExecution', {
      stateMachineArn: scheduled,
      name: 'intruder-1',
      input: input(now - 1000),
    });

    // Act
    const answers: RawAnswer[] = [];
    for (const variant of REFUSED) answers.push(await sendAs(server.port, startCall, variant));
    const afterRefusals = await executions();

    // Assert
    expect(answers.map(jsonError)).toEqual(
      [
        'MissingAuthenticationTokenException',
        'UnrecognizedClientException',
        'InvalidSignatureException',
        'InvalidSignatureException',
        'InvalidSignatureException',
      ].map((code) => ({ status: 400, code })),
    );
    expect(afterRefusals).toEqual([]);
    expect(sends).toEqual([]);
  });

  it('refuses unsigned stop, task-completion and clock calls: the execution keeps waiting', async () => {
    // Arrange: an execution waiting a day, started by the SDK client
    const now = server.runner.clock.now().getTime();
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: scheduled,
        name: 'waiting-1',
        input: input(now + 24 * HOUR),
      }),
    );

    // Act
    const stop = await sendAs(
      server.port,
      call('AWSStepFunctions.StopExecution', { executionArn }),
      'unsigned',
    );
    const success = await sendAs(
      server.port,
      call('AWSStepFunctions.SendTaskSuccess', { taskToken: 'x', output: '{}' }),
      'wrong secret',
    );
    const clock = await sendAs(
      server.port,
      call('KarguzarLocal.AdvanceClock', { ms: 25 * HOUR }),
      'unsigned',
    );
    const list = await sendAs(
      server.port,
      call('AWSStepFunctions.ListExecutions', { stateMachineArn: scheduled }),
      'unsigned',
    );
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));

    // Assert
    expect([stop, success, clock, list].map(jsonError)).toEqual([
      { status: 400, code: 'MissingAuthenticationTokenException' },
      { status: 400, code: 'InvalidSignatureException' },
      { status: 400, code: 'MissingAuthenticationTokenException' },
      { status: 400, code: 'MissingAuthenticationTokenException' },
    ]);
    expect(list.text).not.toContain('waiting-1');
    expect(described.status).toBe('RUNNING');
    expect(server.runner.clock.now().getTime()).toBeLessThan(now + HOUR);
    expect(sends).toEqual([]);
  });

  it('answers an SDK client with a wrong secret with InvalidSignatureException; signed calls work', async () => {
    // Arrange
    const stranger = new SFNClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'local', secretAccessKey: 'not-the-local-secret' },
      maxAttempts: 1,
    });
    const now = server.runner.clock.now().getTime();

    // Act
    const refused: unknown = await stranger
      .send(new StartExecutionCommand({ stateMachineArn: scheduled, name: 'intruder-2', input: input(now) }))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
    const clock = await signedFetch(server.url, 'KarguzarLocal.GetClock', {});
    const shown = ((await clock.json()) as { now: string }).now;
    const names = (await executions()).map((e) => e.name);

    // Assert
    expect(clock.status).toBe(200);
    expect(Math.abs(Date.parse(shown) - server.runner.clock.now().getTime())).toBeLessThan(5000);
    expect(names).toEqual(['waiting-1']);
    stranger.destroy();
  });
});
