import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAslFolder, taskPlaceholders } from '../../infra/aws/asl';
import { DEFAULT_TASK_TIMEOUT_SECONDS, TASK_TIMEOUT_SECONDS } from '../../infra/aws/constructs/workflows';
import { REPO_ROOT } from '../../infra/local/stepfunctions/definitions';

// Rules over every statemachines/*.asl.json that only AWS would otherwise show.
type State = {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Parameters?: { FunctionName?: string };
  Retry?: Array<{ ErrorEquals: string[] }>;
  Catch?: Array<{ ErrorEquals: string[] }>;
  Branches?: Array<{ States: Record<string, State> }>;
  ItemProcessor?: { States: Record<string, State> };
  Iterator?: { States: Record<string, State> };
};

const definitions = readAslFolder(join(REPO_ROOT, 'statemachines'));

function statesOf(states: Record<string, State>): Array<[string, State]> {
  return Object.entries(states).flatMap(([name, s]): Array<[string, State]> => [
    [name, s],
    ...(s.Branches ?? []).flatMap((b) => statesOf(b.States)),
    ...((s.ItemProcessor ?? s.Iterator) ? statesOf((s.ItemProcessor ?? s.Iterator)!.States) : []),
  ]);
}

const tasks = definitions.flatMap((d) =>
  statesOf((JSON.parse(d.text) as { States: Record<string, State> }).States)
    .filter(([, s]) => s.Type === 'Task')
    .map(([name, state]) => ({ machine: d.name, name, state })),
);
const waitsForToken = (s: State) => String(s.Resource).endsWith('.waitForTaskToken');

describe('state machine rules', () => {
  it('reads every machine and finds its tasks', () => {
    expect(definitions.map((d) => d.name)).toContain('daily-digest-send');
    expect(tasks.length).toBeGreaterThan(10);
  });

  it('never gives a Lambda task longer than its Lambda’s own timeout (token waits excepted)', () => {
    const tooLong = tasks
      .filter(({ state }) => !waitsForToken(state))
      .map(({ machine, name, state }) => {
        const [fn] = taskPlaceholders(String(state.Parameters?.FunctionName ?? state.Resource));
        const limit = TASK_TIMEOUT_SECONDS[fn!] ?? DEFAULT_TASK_TIMEOUT_SECONDS;
        return { at: `${machine}.${name}`, fn, timeout: state.TimeoutSeconds, limit };
      })
      .filter((t) => t.fn === undefined || t.timeout === undefined || t.timeout > t.limit);
    expect(tooLong).toEqual([]);
  });

  it('never retries a timeout where a timeout means something (a token wait, or a Catch on States.Timeout)', () => {
    const bad = tasks
      .filter(
        ({ state }) =>
          waitsForToken(state) || (state.Catch ?? []).some((c) => c.ErrorEquals.includes('States.Timeout')),
      )
      .filter(({ state }) =>
        (state.Retry ?? []).some((r) =>
          r.ErrorEquals.some((e) => e === 'States.ALL' || e === 'States.Timeout'),
        ),
      )
      .map(({ machine, name }) => `${machine}.${name}`);
    expect(bad).toEqual([]);
  });

  it('bounds every token wait with a timeout that ends somewhere (a Catch on States.Timeout)', () => {
    const unbounded = tasks
      .filter(({ state }) => waitsForToken(state))
      .filter(
        ({ state }) =>
          (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) ||
          !(state.Catch ?? []).some((c) => c.ErrorEquals.includes('States.Timeout')),
      )
      .map(({ machine, name }) => `${machine}.${name}`);
    expect(unbounded).toEqual([]);
  });

  it('fans the digest out: a Map of batches, bounded, each batch within its Lambda’s timeout', () => {
    const send = definitions.find((d) => d.name === 'daily-digest-send')!;
    const map = (JSON.parse(send.text) as { States: Record<string, State & { MaxConcurrency?: number }> })
      .States.SendBatches!;
    expect(map.Type).toBe('Map');
    expect(map.MaxConcurrency).toBeGreaterThan(0);
    expect(map.MaxConcurrency).toBeLessThanOrEqual(10);
    const batch = map.ItemProcessor!.States.SendBatch!;
    expect(batch.Parameters?.FunctionName).toBe('${fn_digestSend}');
    expect(batch.TimeoutSeconds).toBeLessThanOrEqual(
      TASK_TIMEOUT_SECONDS.digestSend ?? DEFAULT_TASK_TIMEOUT_SECONDS,
    );
  });
});
