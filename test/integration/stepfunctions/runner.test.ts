import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ExecutionAlreadyExists,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { SfnWorkflowEngine } from '../../../functions/platform/adapters/sfn/workflow.adapter';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import { ControllableClock } from '../../../infra/local/stepfunctions/clock';
import { start, type StepFunctionsServer } from '../../../infra/local/stepfunctions/server';
import {
  eventually,
  historyTypes,
  machineArn,
  stillParked,
  sfnClient,
  signedFetch,
  tempDataDir,
  waitForStatus,
} from './helpers';

const HOUR = 3_600_000;

interface Harness {
  server: StepFunctionsServer;
  client: SFNClient;
  dataDir: string;
  sends: { event: unknown; at: number }[];
  tokens: { taskToken: string; assignmentId: string }[];
  failSendTimes: number;
  hangRegisterTimes: number;
}

const open: Harness[] = [];

async function harness(
  options: { dataDir?: string; statemachinesDir?: string; reuse?: Harness } = {},
): Promise<Harness> {
  const h: Harness = options.reuse ?? {
    server: undefined as never,
    client: undefined as never,
    dataDir: options.dataDir ?? tempDataDir(),
    sends: [],
    tokens: [],
    failSendTimes: 0,
    hangRegisterTimes: 0,
  };
  h.server = await start({
    dataDir: h.dataDir,
    port: 0,
    ...(options.statemachinesDir ? { statemachinesDir: options.statemachinesDir } : {}),
    log: () => undefined,
    functions: {
      sendNotification: async (event) => {
        h.sends.push({ event, at: h.server.runner.clock.now().getTime() });
        if (h.failSendTimes > 0) {
          h.failSendTimes -= 1;
          throw Object.assign(new Error('provider busy'), { name: 'ThrottlingException' });
        }
        if ((event as { notification: { to?: string[] } }).notification.to?.length === 0) {
          throw Object.assign(new Error('no recipients'), { name: 'ValidationError' });
        }
        return { channel: 'email', messageId: `m-${h.sends.length}` };
      },
      registerTask: async (event) => {
        h.tokens.push(event as Harness['tokens'][number]);
        if (h.hangRegisterTimes > 0) {
          h.hangRegisterTimes -= 1;
          return new Promise(() => undefined); // the process "dies" during the invocation
        }
        return { registered: true };
      },
    },
  });
  h.client = sfnClient(h.server.url);
  if (!open.includes(h)) open.push(h);
  return h;
}

afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.server.close();
    rmSync(h.dataDir, { recursive: true, force: true });
  }
});

const notification = {
  channel: 'email',
  to: ['icraci@demo.gov.az'],
  subject: 'Müddət',
  text: 'İcra müddəti yaxınlaşır',
};

async function startHumanStep(h: Harness, name: string, timeoutSeconds = 3600) {
  const out = await h.client.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn('human-step'),
      name,
      input: JSON.stringify({ tenantId: 't1', assignmentId: name, assignee: 'u1', timeoutSeconds }),
    }),
  );
  const token = await eventually(
    () => h.tokens.find((t) => t.assignmentId === name)?.taskToken,
    5000,
    'task token',
  );
  return { executionArn: out.executionArn!, token };
}

describe('local Step Functions runner over the SFN API', () => {
  it('fires an absolute-time Wait exactly when the controllable clock reaches it', async () => {
    // Arrange
    const h = await harness();
    const notifyAt = h.server.runner.clock.now().getTime() + 24 * HOUR;
    const { executionArn } = await h.client.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('scheduled-notification'),
        name: 'remind-1',
        input: JSON.stringify({ notifyAt: new Date(notifyAt).toISOString(), notification }),
      }),
    );
    await eventually(async () =>
      (await historyTypes(h.client, executionArn!)).some((e) => e.type === 'WaitStateEntered')
        ? true
        : undefined,
    );

    // Act: just before the time, then over the HTTP control action past it
    h.server.runner.advanceClock(24 * HOUR - 60_000);
    const before = stillParked(h.server, executionArn!);
    const control = await signedFetch(h.server.url, 'KarguzarLocal.AdvanceClock', { ms: 61_000 });
    const done = await waitForStatus(h.client, executionArn!, 'SUCCEEDED');

    // Assert
    expect(before).toBe(true);
    expect(control.status).toBe(200);
    expect(h.sends).toHaveLength(1);
    expect(h.sends[0]!.at).toBeGreaterThanOrEqual(notifyAt);
    expect(h.sends[0]!.event).toEqual({ notification, idempotencyKey: executionArn });
    expect(JSON.parse(done.output!)).toMatchObject({ sent: { messageId: 'm-1' } });
  });

  it('retries a failing notification task and does not retry a validation error', async () => {
    // Arrange
    const h = await harness();
    h.failSendTimes = 1;
    const past = new Date(h.server.runner.clock.now().getTime() - 1000).toISOString();

    // Act
    const retried = await h.client.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('scheduled-notification'),
        name: 'retried',
        input: JSON.stringify({ notifyAt: past, notification }),
      }),
    );
    await waitForStatus(h.client, retried.executionArn!, 'SUCCEEDED');
    const invalid = await h.client.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('scheduled-notification'),
        name: 'invalid',
        input: JSON.stringify({ notifyAt: past, notification: { ...notification, to: [] } }),
      }),
    );
    const failed = await waitForStatus(h.client, invalid.executionArn!, 'FAILED');

    // Assert
    expect(
      h.sends.filter((s) => (s.event as { idempotencyKey: string }).idempotencyKey === retried.executionArn),
    ).toHaveLength(2);
    expect(
      h.sends.filter((s) => (s.event as { idempotencyKey: string }).idempotencyKey === invalid.executionArn),
    ).toHaveLength(1);
    expect(failed.error).toBe('ValidationError');
    expect(JSON.parse(failed.cause!)).toEqual({
      errorType: 'ValidationError',
      errorMessage: 'no recipients',
    });
  });

  it('completes a human step with SendTaskSuccess (approved and rejected)', async () => {
    // Arrange
    const h = await harness();
    const a = await startHumanStep(h, 'approve-me');
    const r = await startHumanStep(h, 'reject-me');

    // Act
    await h.client.send(
      new SendTaskSuccessCommand({
        taskToken: a.token,
        output: JSON.stringify({ outcome: 'approved', by: 'u1' }),
      }),
    );
    await h.client.send(
      new SendTaskSuccessCommand({
        taskToken: r.token,
        output: JSON.stringify({ outcome: 'rejected', by: 'u1' }),
      }),
    );
    const approved = await waitForStatus(h.client, a.executionArn, 'SUCCEEDED');
    const rejected = await waitForStatus(h.client, r.executionArn, 'SUCCEEDED');
    const reuse = await h.client
      .send(new SendTaskSuccessCommand({ taskToken: a.token, output: '{}' }))
      .catch((e: unknown) => e);

    // Assert
    expect(JSON.parse(approved.output!)).toEqual({
      outcome: 'approved',
      assignmentId: 'approve-me',
      decision: { outcome: 'approved', by: 'u1' },
    });
    expect(JSON.parse(rejected.output!)).toMatchObject({ outcome: 'rejected' });
    expect(reuse).toBeInstanceOf(TaskDoesNotExist);
    expect((await historyTypes(h.client, a.executionArn)).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('fails the execution with the error and cause of SendTaskFailure', async () => {
    // Arrange
    const h = await harness();
    const s = await startHumanStep(h, 'cancelled');

    // Act
    await h.client.send(
      new SendTaskFailureCommand({
        taskToken: s.token,
        error: 'Assignment.Cancelled',
        cause: 'document withdrawn',
      }),
    );
    const failed = await waitForStatus(h.client, s.executionArn, 'FAILED');
    const unknown = await h.client
      .send(new SendTaskFailureCommand({ taskToken: 'no-such-token', error: 'x' }))
      .catch((e: unknown) => e);

    // Assert
    expect(failed.error).toBe('Assignment.Cancelled');
    expect(failed.cause).toBe('document withdrawn');
    expect(unknown).toBeInstanceOf(TaskDoesNotExist);
  });

  it('routes a human step to Overdue when its timeout passes, and rejects the late token', async () => {
    // Arrange
    const h = await harness();
    const s = await startHumanStep(h, 'late', 2 * 24 * 3600);

    // Act
    h.server.runner.advanceClock(2 * 24 * HOUR - 1000);
    const before = stillParked(h.server, s.executionArn);
    h.server.runner.advanceClock(2000);
    const overdue = await waitForStatus(h.client, s.executionArn, 'SUCCEEDED');
    const late = await h.client
      .send(new SendTaskSuccessCommand({ taskToken: s.token, output: '{"outcome":"approved"}' }))
      .catch((e: unknown) => e);

    // Assert
    expect(before).toBe(true);
    expect(JSON.parse(overdue.output!)).toEqual({ outcome: 'overdue', assignmentId: 'late' });
    expect(late).toBeInstanceOf(TaskTimedOut);
  });

  it('makes StartExecution idempotent by name, as Step Functions does', async () => {
    // Arrange
    const h = await harness();
    const input = JSON.stringify({
      tenantId: 't1',
      assignmentId: 'once',
      assignee: 'u1',
      timeoutSeconds: 3600,
    });
    const startIt = (body: string) =>
      h.client.send(
        new StartExecutionCommand({ stateMachineArn: machineArn('human-step'), name: 'once', input: body }),
      );

    // Act
    const first = await startIt(input);
    const again = await startIt(input);
    const other = await startIt(input.replace('u1', 'u2')).catch((e: unknown) => e);
    const token = await eventually(() => h.tokens[0]?.taskToken);
    await h.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"outcome":"approved"}' }));
    await waitForStatus(h.client, first.executionArn!, 'SUCCEEDED');
    const afterClose = await startIt(input).catch((e: unknown) => e);
    const list = await h.client.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn('human-step') }),
    );

    // Assert
    expect(again.executionArn).toBe(first.executionArn);
    expect(other).toBeInstanceOf(ExecutionAlreadyExists);
    expect(afterClose).toBeInstanceOf(ExecutionAlreadyExists);
    expect(h.tokens).toHaveLength(1);
    expect(list.executions?.map((e) => [e.name, e.status])).toEqual([['once', 'SUCCEEDED']]);
  });

  it('WorkflowEngine adapter: idempotent start (also after completion), describe, task success, stop', async () => {
    // Arrange
    const h = await harness();
    const engine = new SfnWorkflowEngine({
      region: 'us-east-1',
      endpoint: h.server.url,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      machines: { humanStep: machineArn('human-step') },
    });
    const input = { tenantId: 't1', assignmentId: 'via-port', assignee: 'u1', timeoutSeconds: 3600 };

    // Act
    const started = await engine.start({ machine: 'humanStep', name: 'via-port', input });
    const token = await eventually(() => h.tokens[0]?.taskToken);
    await engine.taskSucceeded(token, { outcome: 'approved' });
    await waitForStatus(h.client, started.executionArn, 'SUCCEEDED');
    const restarted = await engine.start({ machine: 'humanStep', name: 'via-port', input });
    const conflict = await engine
      .start({ machine: 'humanStep', name: 'via-port', input: { ...input, assignee: 'u9' } })
      .catch((e: unknown) => e);
    const described = await engine.describe(started.executionArn);
    const second = await engine.start({
      machine: 'humanStep',
      name: 'to-stop',
      input: { ...input, assignmentId: 'to-stop' },
    });
    await eventually(() => h.tokens.find((t) => t.assignmentId === 'to-stop'));
    await engine.stop(second.executionArn, 'document cancelled');
    const stopped = await engine.describe(second.executionArn);
    const stoppedToken = h.tokens.find((t) => t.assignmentId === 'to-stop')!.taskToken;
    const afterStop = await engine.taskFailed(stoppedToken, 'x', 'y').catch((e: unknown) => e);

    // Assert
    expect(restarted.executionArn).toBe(started.executionArn);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(described).toEqual({
      status: 'SUCCEEDED',
      output: { outcome: 'approved', assignmentId: 'via-port', decision: { outcome: 'approved' } },
    });
    expect(stopped.status).toBe('ABORTED');
    expect(afterStop).toBeInstanceOf(TaskDoesNotExist);
  });

  it('resumes a relative Wait after a restart with the remaining time from the journaled start', async () => {
    // Arrange
    const h = await harness({ statemachinesDir: join(import.meta.dirname, 'fixtures/statemachines') });
    const { executionArn } = await h.client.send(
      new StartExecutionCommand({ stateMachineArn: machineArn('seconds-wait'), name: 'pause', input: '{}' }),
    );
    await eventually(async () =>
      (await historyTypes(h.client, executionArn!)).some((e) => e.type === 'WaitStateEntered')
        ? true
        : undefined,
    );
    h.server.runner.advanceClock(HOUR / 2);
    await h.server.close();

    // Act: time passes while the runner is down, then it restarts on the same data folder
    new ControllableClock(h.dataDir).advance(HOUR / 4);
    await harness({ statemachinesDir: join(import.meta.dirname, 'fixtures/statemachines'), reuse: h });
    h.server.runner.advanceClock(HOUR / 4 - 1000);
    const before = stillParked(h.server, executionArn!);
    h.server.runner.advanceClock(1000);
    const done = await waitForStatus(h.client, executionArn!, 'SUCCEEDED');

    // Assert
    expect(before).toBe(true);
    expect(JSON.parse(done.output!)).toEqual({ mark: 'done' });
  });

  it('re-invokes a token task with the same token when the runner died during the invocation', async () => {
    // Arrange
    const h = await harness();
    h.hangRegisterTimes = 1;
    const { executionArn } = await h.client.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('human-step'),
        name: 'inflight',
        input: JSON.stringify({
          tenantId: 't1',
          assignmentId: 'inflight',
          assignee: 'u1',
          timeoutSeconds: 3600,
        }),
      }),
    );
    await eventually(() => h.tokens[0]);
    await h.server.close();

    // Act
    await harness({ reuse: h });
    await eventually(() => h.tokens[1]);
    await h.client.send(
      new SendTaskSuccessCommand({ taskToken: h.tokens[0]!.taskToken, output: '{"outcome":"approved"}' }),
    );
    const done = await waitForStatus(h.client, executionArn!, 'SUCCEEDED');

    // Assert
    expect(h.tokens).toHaveLength(2);
    expect(h.tokens[1]!.taskToken).toBe(h.tokens[0]!.taskToken);
    expect(JSON.parse(done.output!)).toMatchObject({ outcome: 'approved' });
  });

  it('answers with Step Functions errors for unknown machines, executions and bad input', async () => {
    // Arrange
    const h = await harness();

    // Act
    const noMachine = await h.client
      .send(new StartExecutionCommand({ stateMachineArn: machineArn('nope'), input: '{}' }))
      .catch((e: unknown) => e);
    const badInput = await h.client
      .send(new StartExecutionCommand({ stateMachineArn: machineArn('human-step'), input: '{oops' }))
      .catch((e: unknown) => e);
    const noExec = await h.client
      .send(
        new StopExecutionCommand({
          executionArn: `${machineArn('human-step').replace('stateMachine', 'execution')}:missing`,
        }),
      )
      .catch((e: unknown) => e);

    // Assert
    expect((noMachine as Error).name).toBe('StateMachineDoesNotExist');
    expect((badInput as Error).name).toBe('InvalidExecutionInput');
    expect((noExec as Error).name).toBe('ExecutionDoesNotExist');
  });
});
