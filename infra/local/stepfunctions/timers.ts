/**
 * Time in the runner. Every deadline is an absolute instant on the runner's clock, journaled when
 * it is set (a Wait's `until`, a token's deadline, the execution's `timeoutAt`), so after a restart
 * it falls due at its original time (a past one at once). One `setTimeout` is armed for the
 * earliest of them; a clock jump (`advance`) re-evaluates at once. Timers may fire early (the
 * clock moved, or the delay was capped): `dueOf` re-checks against the clock.
 */
import type { RunnerClock } from './clock';
import type { Json, StateDef } from './definitions';
import { TaskFailure, type ExecState } from './model';
import { readReferencePath } from './reference-path';
import type { TokenRegistry } from './tokens';

/** Node's setTimeout limit; a later deadline re-arms when this fires. */
export const MAX_TIMER_MS = 2_147_483_647;

/** The earliest instant at which anything of these executions falls due; Infinity if none. */
export function nextDue(executions: Iterable<ExecState>): number {
  let next = Infinity;
  for (const e of executions) {
    if (e.status !== 'RUNNING') continue;
    if (e.timeoutAt !== null) next = Math.min(next, e.timeoutAt);
    if (e.park?.kind === 'wait' && !e.park.fired) next = Math.min(next, e.park.until);
    if (e.park?.kind === 'token' && !e.outcome && e.park.deadline !== null)
      next = Math.min(next, e.park.deadline);
  }
  return next;
}

export type Due =
  { kind: 'execution-timeout' } | { kind: 'wait-fired' } | { kind: 'token-timeout'; token: string };

/** What of one execution is due at `now`: its own timeout first, then its Wait or token deadline. */
export function dueOf(e: ExecState, tokens: TokenRegistry, now: number): Due | undefined {
  if (e.status !== 'RUNNING') return undefined;
  if (e.timeoutAt !== null && e.timeoutAt <= now) return { kind: 'execution-timeout' };
  const park = e.park;
  if (park?.kind === 'wait' && !park.fired && park.until <= now) return { kind: 'wait-fired' };
  if (
    park?.kind === 'token' &&
    !e.outcome &&
    park.deadline !== null &&
    park.deadline <= now &&
    tokens.status(park.token) === 'pending'
  )
    return { kind: 'token-timeout', token: park.token };
  return undefined;
}

/**
 * The absolute end of a top-level Wait that starts at `now`: `Seconds`/`SecondsPath` from `now`
 * (journaled, so a restart keeps the original end), `Timestamp`/`TimestampPath` as given.
 */
export function waitUntil(e: ExecState, state: StateDef, input: Json, now: number): number {
  const context = {
    Execution: {
      Id: e.arn,
      Name: e.name,
      Input: JSON.parse(e.input) as Json,
      StartTime: new Date(e.startDate).toISOString(),
    },
  };
  let seconds: unknown;
  let timestamp: unknown;
  if (state.Seconds !== undefined) seconds = state.Seconds;
  else if (state.SecondsPath !== undefined)
    seconds = readReferencePath(String(state.SecondsPath), input, context);
  else if (state.Timestamp !== undefined) timestamp = state.Timestamp;
  else if (state.TimestampPath !== undefined)
    timestamp = readReferencePath(String(state.TimestampPath), input, context);
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0)
      throw new TaskFailure('States.Runtime', 'Wait seconds must be a non-negative integer');
    return now + seconds * 1000;
  }
  const at =
    typeof timestamp === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(timestamp)
      ? Date.parse(timestamp)
      : NaN;
  if (Number.isNaN(at))
    throw new TaskFailure('States.Runtime', 'Wait timestamp must be an RFC 3339 timestamp');
  return at;
}

/**
 * A `.waitForTaskToken` task's time limit in seconds (`TimeoutSeconds`, or `TimeoutSecondsPath`
 * read from the state's raw input, i.e. the execution's cursor); null if it has none.
 */
export function taskTimeoutSeconds(e: ExecState, state: StateDef): number | null {
  if (typeof state.TimeoutSeconds === 'number') return state.TimeoutSeconds;
  if (typeof state.TimeoutSecondsPath === 'string') {
    const context = { Execution: { Id: e.arn, Name: e.name, Input: JSON.parse(e.input) as Json } };
    const value = readReferencePath(state.TimeoutSecondsPath, e.cursor?.input ?? null, context);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      throw new TaskFailure('States.Runtime', 'TimeoutSecondsPath must select a positive integer');
    return value;
  }
  return null;
}

export interface TimerHooks {
  /** The earliest due instant (`nextDue` of the executions); Infinity if nothing is pending. */
  nextDue(): number;
  /** Acts on whatever is due at `now` (`dueOf` per execution). */
  fire(now: number): void;
  /** While true nothing fires (the runner is held until its task handlers are wired). */
  held(): boolean;
}

/** The one timer of a runner, armed for the earliest deadline on the runner's clock. */
export class Timers {
  private timer: NodeJS.Timeout | undefined;
  private queued = false;
  private closed = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    readonly clock: RunnerClock,
    private readonly hooks: TimerHooks,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  /** From now on a clock jump fires whatever became due. */
  start(): void {
    this.unsubscribe = this.clock.onChange(() => this.tick());
  }

  /** Re-arms once the current synchronous work is done (after commits; several coalesce into one). */
  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.reschedule();
    });
  }

  /** Fires everything that is due by the clock, then re-arms. */
  tick(): void {
    if (this.closed || this.hooks.held()) return;
    this.hooks.fire(this.now());
    this.reschedule();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribe();
  }

  private reschedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const next = this.hooks.nextDue();
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.tick(), Math.min(Math.max(0, next - this.now()), MAX_TIMER_MS));
  }
}
