import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Runner } from '../../../../infra/local/stepfunctions/runner';

/** A Pass, a human step (token) and a plain Lambda task: the two kinds of action the runner takes. */
const MACHINE = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { n: 1 }, ResultPath: '$.prepared', Next: 'Ask' },
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: '${fn_ask}', Payload: { 'token.$': '$$.Task.Token' } },
      TimeoutSeconds: 3600,
      ResultPath: '$.answer',
      Next: 'Note',
    },
    Note: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${fn_note}', Payload: { 'answer.$': '$.answer' } },
      TimeoutSeconds: 60,
      End: true,
    },
  },
};
const machineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:karguzar-ask';

const dirs: string[] = [];
const runners: Runner[] = [];
afterEach(async () => {
  for (const r of runners.splice(0)) await r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A runner of MACHINE whose two Lambdas report what the journal on disk held when they ran. */
async function runner() {
  const root = mkdtempSync(join(tmpdir(), 'karguzar-runner-'));
  dirs.push(root);
  const machines = join(root, 'machines');
  mkdirSync(machines);
  writeFileSync(join(machines, 'ask.asl.json'), JSON.stringify(MACHINE));
  const dataDir = join(root, 'data');
  const onDisk = () =>
    readFileSync(join(dataDir, 'sfn/journal.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { t: string; arn: string; state?: string; token?: string });
  const asked: Array<{ token: string; tokenOnDisk: boolean }> = [];
  const noted: Array<{ enterOnDisk: boolean }> = [];
  let onAsk: () => void = () => undefined;
  let onNote: () => void = () => undefined;
  const r = new Runner({
    dataDir,
    statemachinesDir: machines,
    log: () => undefined,
    functions: {
      ask: (event) => {
        const token = (event as { token: string }).token;
        asked.push({ token, tokenOnDisk: onDisk().some((l) => l.t === 'token' && l.token === token) });
        onAsk();
        return {};
      },
      note: () => {
        noted.push({ enterOnDisk: onDisk().some((l) => l.t === 'enter' && l.state === 'Note') });
        onNote();
        return { noted: true };
      },
    },
  });
  await r.start();
  runners.push(r);
  const calls = (list: unknown[], n: number, set: (f: () => void) => void) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (list.length >= n) resolve();
      };
      set(check);
      check();
    });
  return {
    runner: r,
    asked,
    noted,
    askedTimes: (n: number) => calls(asked, n, (f) => (onAsk = f)),
    notedTimes: (n: number) => calls(noted, n, (f) => (onNote = f)),
  };
}

describe('the runner acts only on what is on disk (group commit)', () => {
  it('hands out a task token, and runs a task, only once its record is in the journal', async () => {
    // Arrange
    const { runner: r, asked, noted, askedTimes, notedTimes } = await runner();

    // Act
    const { executionArn } = r.startExecution({ stateMachineArn: machineArn, name: 'one', input: '{}' });
    await askedTimes(1);
    r.sendTaskSuccess(asked[0]!.token, '{"ok":true}');
    await notedTimes(1);
    await r.durable();
    await new Promise<void>((resolve) => {
      const check = () =>
        r.describeExecution(executionArn).status === 'RUNNING' ? setImmediate(check) : resolve();
      check();
    });

    // Assert
    expect(asked).toEqual([{ token: asked[0]!.token, tokenOnDisk: true }]);
    expect(noted).toEqual([{ enterOnDisk: true }]);
    expect(r.describeExecution(executionArn).status).toBe('SUCCEEDED');
  });

  it('writes the transitions of many executions with far fewer fsyncs than records', async () => {
    // Arrange
    const { runner: r, askedTimes } = await runner();
    const before = r.journalStats();

    // Act: twenty executions started in one go, each up to its human step.
    for (let i = 0; i < 20; i++)
      r.startExecution({ stateMachineArn: machineArn, name: `n${i}`, input: '{}' });
    await askedTimes(20);
    await r.durable();
    const after = r.journalStats();

    // Assert
    const records = after.records - before.records;
    const flushes = after.flushes - before.flushes;
    expect(records).toBeGreaterThanOrEqual(20 * 5);
    expect(flushes).toBeLessThan(records / 4);
  });
});
