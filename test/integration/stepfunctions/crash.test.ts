import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, historyTypes, machineArn, sfnClient, tempDataDir, waitForStatus } from './helpers';

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const dataDir = tempDataDir();
const taskLog = join(dataDir, 'tasks.jsonl');
const children: ChildProcess[] = [];

interface LogLine {
  task: 'sendNotification' | 'registerTask';
  at: number;
  taskToken?: string;
  key?: string;
}

const readLog = (): LogLine[] =>
  existsSync(taskLog)
    ? readFileSync(taskLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine)
    : [];

/** Starts infra/local/stepfunctions/main.ts as a child process and waits for its ready line. */
async function startRunner(): Promise<{
  child: ChildProcess;
  url: string;
  readyAt: number;
  startupMs: number;
}> {
  const spawnedAt = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'infra/local/stepfunctions/main.ts', '--data-dir', dataDir, '--port', '0'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        KARGUZAR_SFN_FUNCTIONS: JSON.stringify({
          sendNotification: join(fixtures, 'recording-send.task.ts'),
          registerTask: join(fixtures, 'recording-register.task.ts'),
        }),
        KARGUZAR_TEST_TASK_LOG: taskLog,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ url: string }>((resolvePromise, reject) => {
    lines.once('line', (line) => resolvePromise(JSON.parse(line) as { url: string }));
    child.once('exit', (code) => reject(new Error(`runner exited (${code}): ${stderr}`)));
  });
  return { child, url: ready.url, readyAt: Date.now(), startupMs: Date.now() - spawnedAt };
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) await kill9(child);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durable runner survives kill -9', () => {
  it(
    'keeps the timer at its original time and the task token valid across a crash and restart',
    { timeout: 60_000 },
    async () => {
      // Arrange: one execution waits on an absolute timestamp, one on a task token
      const first = await startRunner();
      const client = sfnClient(first.url);
      // Far enough ahead that the restart (startup time depends on the machine's load) comes first.
      const notifyAt = Date.now() + 6000 + 2 * first.startupMs;
      const timer = await client.send(
        new StartExecutionCommand({
          stateMachineArn: machineArn('scheduled-notification'),
          name: 'timer',
          input: JSON.stringify({
            notifyAt: new Date(notifyAt).toISOString(),
            notification: { channel: 'email', to: ['a@demo.gov.az'], subject: 's', text: 't' },
          }),
        }),
      );
      const human = await client.send(
        new StartExecutionCommand({
          stateMachineArn: machineArn('human-step'),
          name: 'human',
          input: JSON.stringify({ tenantId: 't1', assignmentId: 'a1', assignee: 'u1', timeoutSeconds: 3600 }),
        }),
      );
      const token = await eventually(
        () => readLog().find((l) => l.task === 'registerTask')?.taskToken,
        10_000,
        'task token',
      );
      await eventually(async () =>
        (await historyTypes(client, timer.executionArn!)).some((e) => e.type === 'WaitStateEntered')
          ? true
          : undefined,
      );
      await eventually(async () =>
        (await historyTypes(client, human.executionArn!)).some((e) => e.type === 'TaskSubmitted')
          ? true
          : undefined,
      );

      // Act: kill -9, stay down for 2 s, restart on the same data folder
      await kill9(first.child);
      const downSince = Date.now();
      await new Promise((r) => setTimeout(r, 2000));
      const second = await startRunner();
      const downtime = second.readyAt - downSince;
      const client2 = sfnClient(second.url);
      await client2.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ outcome: 'approved' }) }),
      );
      const approved = await waitForStatus(client2, human.executionArn!, 'SUCCEEDED', 10_000);
      const sent = await waitForStatus(client2, timer.executionArn!, 'SUCCEEDED', 20_000);
      const waitExited = (await historyTypes(client2, timer.executionArn!)).find(
        (e) => e.type === 'WaitStateExited',
      );

      // Assert
      const log = readLog();
      const sends = log.filter((l) => l.task === 'sendNotification');
      expect(second.readyAt).toBeLessThan(notifyAt); // the restart happened before the deadline...
      expect(sends).toHaveLength(1);
      expect(sends[0]!.at).toBeGreaterThanOrEqual(notifyAt); // ...the timer did not fire early...
      expect(sends[0]!.at - notifyAt).toBeLessThan(Math.min(downtime, 1500)); // ...nor later by the downtime
      expect(waitExited!.timestamp!.getTime()).toBeGreaterThanOrEqual(notifyAt);
      expect(log.filter((l) => l.task === 'registerTask')).toHaveLength(1); // token delivered before the crash: not re-run
      expect(JSON.parse(approved.output!)).toMatchObject({ outcome: 'approved', assignmentId: 'a1' });
      expect(JSON.parse(sent.output!)).toMatchObject({ sent: { messageId: `test-${timer.executionArn}` } });
    },
  );
});
