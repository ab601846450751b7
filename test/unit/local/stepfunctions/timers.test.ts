import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunnerClock } from '../../../../infra/local/stepfunctions/clock';
import type { StateDef } from '../../../../infra/local/stepfunctions/definitions';
import type { ExecState, Park } from '../../../../infra/local/stepfunctions/model';
import {
  dueOf,
  MAX_TIMER_MS,
  nextDue,
  taskTimeoutSeconds,
  Timers,
  waitUntil,
} from '../../../../infra/local/stepfunctions/timers';
import { TokenRegistry } from '../../../../infra/local/stepfunctions/tokens';

const T0 = Date.parse('2030-03-01T08:00:00Z');
const HOUR = 3_600_000;

/** System time (faked by vitest) plus an offset that `advance` moves, like ControllableClock. */
class TestClock implements RunnerClock {
  offset = 0;
  private readonly listeners = new Set<() => void>();
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
    for (const l of this.listeners) l();
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function execution(overrides: Partial<ExecState> = {}): ExecState {
  return {
    arn: 'arn:aws:states:us-east-1:000000000000:execution:karguzar-m:e1',
    machine: 'm',
    name: 'e1',
    input: '{"deadline":"2030-03-02T08:00:00Z","limit":120}',
    startDate: T0,
    status: 'RUNNING',
    timeoutAt: null,
    cursor: { state: 'S', input: { limit: 60 }, entered: true },
    park: null,
    outcome: null,
    history: [],
    ...overrides,
  };
}

const waitPark = (until: number, fired = false): Park => ({ kind: 'wait', state: 'W', until, fired });
const tokenPark = (deadline: number | null): Park => ({
  kind: 'token',
  state: 'T',
  token: 'tok',
  deadline,
  delivered: true,
});

describe('nextDue and dueOf', () => {
  it('takes the earliest of execution timeout, Wait end and token deadline of RUNNING executions only', () => {
    // Arrange
    const list = [
      execution({ timeoutAt: T0 + 5 * HOUR, park: waitPark(T0 + 3 * HOUR) }),
      execution({ park: tokenPark(T0 + 2 * HOUR) }),
      execution({ status: 'SUCCEEDED', timeoutAt: T0 + HOUR }),
      execution({ park: waitPark(T0 + HOUR / 2, true) }),
      execution({ park: tokenPark(T0 + HOUR / 4), outcome: { token: 'tok', outcome: 'success' } }),
    ];

    // Act
    const next = nextDue(list);
    const none = nextDue([execution(), execution({ park: tokenPark(null) })]);

    // Assert
    expect(next).toBe(T0 + 2 * HOUR);
    expect(none).toBe(Infinity);
  });

  it('says what is due at an instant: the execution timeout first, then the Wait or the pending token', () => {
    // Arrange
    const tokens = new TokenRegistry();
    tokens.issue('tok', 'x');
    const timedOut = execution({ timeoutAt: T0, park: waitPark(T0) });
    const waiting = execution({ park: waitPark(T0 + 1000) });
    const token = execution({ park: tokenPark(T0) });
    const answered = new TokenRegistry();
    answered.issue('tok', 'x');
    answered.settle('tok', 'success');

    // Act
    const results = [
      dueOf(timedOut, tokens, T0),
      dueOf(waiting, tokens, T0 + 999),
      dueOf(waiting, tokens, T0 + 1000),
      dueOf(token, tokens, T0),
      dueOf(token, answered, T0),
      dueOf(execution({ status: 'ABORTED', timeoutAt: T0 }), tokens, T0),
    ];

    // Assert
    expect(results).toEqual([
      { kind: 'execution-timeout' },
      undefined,
      { kind: 'wait-fired' },
      { kind: 'token-timeout', token: 'tok' },
      undefined,
      undefined,
    ]);
  });
});

describe('waitUntil and taskTimeoutSeconds', () => {
  it('makes a relative Wait absolute from its start and keeps an absolute one as given (a past one too)', () => {
    // Arrange
    const e = execution();
    const now = T0 + HOUR;

    // Act
    const seconds = waitUntil(e, { Type: 'Wait', Seconds: 90 }, {}, now);
    const secondsPath = waitUntil(e, { Type: 'Wait', SecondsPath: '$.s' }, { s: 30 }, now);
    const timestampPath = waitUntil(
      e,
      { Type: 'Wait', TimestampPath: '$$.Execution.Input.deadline' },
      {},
      now,
    );
    const past = waitUntil(e, { Type: 'Wait', Timestamp: '2030-03-01T08:00:00+01:00' }, {}, now);

    // Assert
    expect(seconds).toBe(now + 90_000);
    expect(secondsPath).toBe(now + 30_000);
    expect(timestampPath).toBe(Date.parse('2030-03-02T08:00:00Z'));
    expect(past).toBe(T0 - HOUR);
  });

  it('fails as States.Runtime on a negative or fractional number or a timestamp that is not RFC 3339', () => {
    // Arrange
    const e = execution();
    const bad: [StateDef, unknown][] = [
      [{ Type: 'Wait', Seconds: -1 }, {}],
      [{ Type: 'Wait', SecondsPath: '$.s' }, { s: 1.5 }],
      [{ Type: 'Wait', TimestampPath: '$.t' }, { t: '2030-03-01' }],
      [{ Type: 'Wait', Timestamp: 'tomorrow' }, {}],
    ];

    // Act
    const errors = bad.map(([state, input]) => {
      try {
        waitUntil(e, state, input as never, T0);
        return undefined;
      } catch (err) {
        return (err as Error).name;
      }
    });

    // Assert
    expect(errors).toEqual(['States.Runtime', 'States.Runtime', 'States.Runtime', 'States.Runtime']);
  });

  it("reads a token task's TimeoutSecondsPath from the state's raw input (the cursor)", () => {
    // Arrange
    const e = execution({ cursor: { state: 'T', input: { limit: 60 }, entered: true } });

    // Act
    const fixed = taskTimeoutSeconds(e, { Type: 'Task', TimeoutSeconds: 300 });
    const fromInput = taskTimeoutSeconds(e, { Type: 'Task', TimeoutSecondsPath: '$.limit' });
    const fromContext = taskTimeoutSeconds(e, {
      Type: 'Task',
      TimeoutSecondsPath: '$$.Execution.Input.limit',
    });
    const none = taskTimeoutSeconds(e, { Type: 'Task' });
    const zero = () =>
      taskTimeoutSeconds(execution({ cursor: { state: 'T', input: { limit: 0 }, entered: true } }), {
        Type: 'Task',
        TimeoutSecondsPath: '$.limit',
      });

    // Assert
    expect([fixed, fromInput, fromContext, none]).toEqual([300, 60, 120, null]);
    expect(zero).toThrow(expect.objectContaining({ name: 'States.Runtime' }));
  });
});

describe('Timers', () => {
  let clock: TestClock;
  let due: number;
  let fired: number[];
  let held: boolean;
  let nextDueCalls: number;
  let timers: Timers;

  beforeEach(() => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    clock = new TestClock();
    due = Infinity;
    fired = [];
    held = false;
    nextDueCalls = 0;
    timers = new Timers(clock, {
      nextDue: () => {
        nextDueCalls += 1;
        return due;
      },
      fire: (now) => {
        fired.push(now);
        if (now >= due) due = Infinity;
      },
      held: () => held,
    });
    timers.start();
  });

  afterEach(() => {
    timers.close();
    vi.useRealTimers();
  });

  /** Lets the coalesced re-arm run (a microtask), without moving time. */
  const flush = () => Promise.resolve();

  it('fires at the due instant on the clock, not a millisecond before', async () => {
    // Arrange
    due = T0 + HOUR;
    timers.schedule();
    await flush();

    // Act
    vi.advanceTimersByTime(HOUR - 1);
    const early = [...fired];
    vi.advanceTimersByTime(1);

    // Assert
    expect(early).toEqual([]);
    expect(fired).toEqual([T0 + HOUR]);
  });

  it('fires at once when the clock jumps past the due instant, and measures from the moved clock', async () => {
    // Arrange
    due = T0 + 24 * HOUR;
    timers.schedule();
    await flush();

    // Act
    clock.advance(24 * HOUR - 60_000);
    const beforeDue = [...fired];
    vi.advanceTimersByTime(59_999);
    const stillBefore = [...fired];
    vi.advanceTimersByTime(1);

    // Assert
    expect(beforeDue).toEqual([T0 + 24 * HOUR - 60_000]);
    expect(stillBefore).toEqual(beforeDue);
    expect(fired.at(-1)).toBe(T0 + 24 * HOUR);
  });

  it('keeps a deadline at its original absolute time when armed again after a restart', () => {
    // Arrange: the wait was journaled at T0 for one hour; the runner comes back 40 minutes later.
    timers.close();
    vi.advanceTimersByTime(40 * 60_000);
    due = T0 + HOUR;
    const restarted = new Timers(clock, {
      nextDue: () => due,
      fire: (now) => {
        fired.push(now);
        if (now >= due) due = Infinity;
      },
      held: () => false,
    });
    restarted.start();
    restarted.tick();
    fired = [];

    // Act
    vi.advanceTimersByTime(20 * 60_000 - 1);
    const early = [...fired];
    vi.advanceTimersByTime(1);
    restarted.close();

    // Assert
    expect(early).toEqual([]);
    expect(fired).toEqual([T0 + HOUR]);
  });

  it('caps a far deadline at the largest setTimeout delay and arms again from there', async () => {
    // Arrange
    due = T0 + MAX_TIMER_MS + 5000;
    timers.schedule();
    await flush();

    // Act
    vi.advanceTimersByTime(MAX_TIMER_MS);
    const afterCap = [...fired];
    vi.advanceTimersByTime(5000);

    // Assert
    expect(afterCap).toEqual([T0 + MAX_TIMER_MS]);
    expect(fired).toEqual([T0 + MAX_TIMER_MS, T0 + MAX_TIMER_MS + 5000]);
  });

  it('coalesces the re-arms of one burst of commits into one evaluation', async () => {
    // Arrange
    due = T0 + HOUR;

    // Act
    timers.schedule();
    timers.schedule();
    timers.schedule();
    await flush();

    // Assert
    expect(nextDueCalls).toBe(1);
  });

  it('fires nothing while held or once closed', () => {
    // Arrange
    due = T0 + 1000;
    held = true;

    // Act
    timers.tick();
    clock.advance(2000);
    const whileHeld = [...fired];
    held = false;
    timers.close();
    clock.advance(2000);
    timers.tick();
    timers.schedule();
    vi.advanceTimersByTime(HOUR);

    // Assert
    expect(whileHeld).toEqual([]);
    expect(fired).toEqual([]);
  });

  it('arms no timer when nothing is due', async () => {
    // Arrange
    due = Infinity;

    // Act
    timers.schedule();
    await flush();

    // Assert
    expect(vi.getTimerCount()).toBe(0);
  });
});
