import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import {
  eventually,
  historyTypes,
  machineArn,
  sfnClient,
  signedFetch,
  tempDataDir,
  waitForStatus,
} from './helpers';

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

/** The runner's clock (`KarguzarLocal.GetClock`), which a restart keeps. */
async function clockOf(url: string): Promise<string> {
  const res = await signedFetch(url, 'KarguzarLocal.GetClock', {});
  return ((await res.json()) as { now: string }).now;
}

/**
 * Moves the runner's clock to `instant` with a marker execution due at that same instant, and
 * waits until the marker has sent: the runner has then acted on everything due by `instant`.
 */
async function moveClockWithMarker(
  url: string,
  instant: number,
  name: string,
): Promise<{ wasBefore: boolean }> {
  const client = sfnClient(url);
  const wasBefore = Date.parse(await clockOf(url)) < instant;
  const marker = await client.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn('scheduled-notification'),
      name: `marker-${name}`,
      input: JSON.stringify({
        notifyAt: new Date(instant).toISOString(),
        notification: { channel: 'email', to: ['marker@demo.gov.az'], subject: name, text: 'marker' },
      }),
    }),
  );
  const ms = instant - Date.parse(await clockOf(url));
  await signedFetch(url, 'KarguzarLocal.AdvanceClock', { ms: Math.max(0, ms) });
  await waitForStatus(client, marker.executionArn!, 'SUCCEEDED', 10_000);
  return { wasBefore };
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
      // Arrange: one execution waits on an absolute timestamp (ten minutes ahead on the runner's
      // clock, which a restart keeps), one on a task token.
      const first = await startRunner();
      const client = sfnClient(first.url);
      const notifyAt = Date.parse(await clockOf(first.url)) + 10 * 60_000;
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

      // Act: kill -9, restart on the same data folder, decide the human step; then move the clock
      // to a minute before the timer's time and to its time, each with a marker due at that instant.
      await kill9(first.child);
      const second = await startRunner();
      const client2 = sfnClient(second.url);
      await client2.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ outcome: 'approved' }) }),
      );
      const approved = await waitForStatus(client2, human.executionArn!, 'SUCCEEDED', 10_000);
      const before = await moveClockWithMarker(second.url, notifyAt - 60_000, 'before');
      const timerAfterBefore = await historyTypes(client2, timer.executionArn!);
      await moveClockWithMarker(second.url, notifyAt, 'at');
      const timerAfterAt = await historyTypes(client2, timer.executionArn!);
      const sent = await waitForStatus(client2, timer.executionArn!, 'SUCCEEDED', 20_000);
      const waitExited = (await historyTypes(client2, timer.executionArn!)).find(
        (e) => e.type === 'WaitStateExited',
      );

      // Assert: the restart kept the clock; a minute before its time the timer had not fired (the
      // marker of that instant had), at its time it fired in the same pass as that instant's marker,
      // not later by the time the runner was down; it sent once.
      expect(before.wasBefore).toBe(true);
      expect(timerAfterBefore.some((e) => e.type === 'WaitStateExited')).toBe(false);
      expect(timerAfterAt.some((e) => e.type === 'WaitStateExited')).toBe(true);
      const sends = readLog().filter((l) => l.task === 'sendNotification' && !l.key?.includes(':marker-'));
      expect(sends).toHaveLength(1);
      expect(waitExited!.timestamp!.getTime()).toBeGreaterThanOrEqual(notifyAt);
      expect(readLog().filter((l) => l.task === 'registerTask')).toHaveLength(1); // token delivered before the crash: not re-run
      expect(JSON.parse(approved.output!)).toMatchObject({ outcome: 'approved', assignmentId: 'a1' });
      expect(JSON.parse(sent.output!)).toMatchObject({ sent: { messageId: `test-${timer.executionArn}` } });
    },
  );
});
