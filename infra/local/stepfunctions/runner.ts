/**
 * Durable local Step Functions runner (the embedded default's stand-in for AWS Step Functions
 * Standard). The ASL interpreter is aws-local-stepfunctions; this module adds what it lacks:
 * executions that survive `kill -9`, task tokens, a clock that can be advanced, and the
 * Step Functions API semantics (see server.ts). Design and limits: README.md in this folder.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';
import type { RunOptions } from 'aws-local-stepfunctions';
import { ControllableClock, type RunnerClock } from './clock';
import {
  allStates,
  executionArn as toExecutionArn,
  functionNameOf,
  LAMBDA_INVOKE,
  LAMBDA_INVOKE_WAIT,
  loadMachines,
  runDefinition,
  TASK_TOKEN_PLACEHOLDER,
  type Json,
  type LoadedMachine,
  type StateDef,
} from './definitions';
import { Journal } from './journal';
import { readReferencePath } from './reference-path';

// aws-local-stepfunctions 3.x calls Promise.withResolvers (Node 22+); Node 20 lacks it.
const P = Promise as unknown as { withResolvers?: () => unknown };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAX_TIMER_MS = 2_147_483_647;
const SNAPSHOT_EVERY = 1000;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
export type TaskHandler = (event: unknown, context: Record<string, unknown>) => unknown;

export interface RunnerOptions {
  /** State lives in `<dataDir>/sfn/` (journal, snapshot) and `<dataDir>/clock.json`. */
  dataDir: string;
  /** Folder of `*.asl.json`; default `<repo>/statemachines`. */
  statemachinesDir?: string;
  /** Folder of task Lambdas `<name>.task.ts`; default `<repo>/functions/handlers/tasks`. */
  tasksDir?: string;
  /** `fn_<name>` → module path (exporting `handler`) or a handler; overrides tasksDir per name. */
  functions?: Record<string, string | TaskHandler>;
  /** Default: a ControllableClock persisted in `<dataDir>/clock.json`. */
  clock?: RunnerClock;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /**
   * Executions (resumed ones, timers, new starts) run only once this settles: the embedded
   * default wires the in-process task handlers first, so a resumed task never runs half-wired.
   */
  holdUntil?: Promise<void>;
}

/** API errors, named as Step Functions names them (the server puts `name` in `__type`). */
export class SfnError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

interface HistoryEvent {
  id: number;
  timestamp: number;
  type: string;
  details?: Record<string, unknown>;
}

type Park =
  | { kind: 'wait'; state: string; until: number; fired: boolean }
  | { kind: 'token'; state: string; token: string; deadline: number | null; delivered: boolean };

interface TaskOutcome {
  token: string;
  outcome: 'success' | 'failure' | 'timeout';
  output?: Json;
  error?: string;
  cause?: string;
}

interface ExecState {
  arn: string;
  machine: string;
  name: string;
  input: string;
  startDate: number;
  stopDate?: number;
  status: ExecutionStatus;
  output?: string;
  error?: string;
  cause?: string;
  timeoutAt: number | null;
  /** The top-level state the execution is in (or goes to next) and that state's raw input. */
  cursor: { state: string; input: Json; entered: boolean } | null;
  /** Output of the last state when it ended the execution (cursor is null then). */
  endOutput?: Json;
  park: Park | null;
  outcome: TaskOutcome | null;
  history: HistoryEvent[];
}

type TokenStatus = 'pending' | 'completed' | 'timedout' | 'closed';

interface PersistedState {
  executions: ExecState[];
  tokens: Record<string, { arn: string; status: TokenStatus }>;
}

type Rec =
  | {
      seq: number;
      t: 'start';
      arn: string;
      machine: string;
      name: string;
      input: string;
      at: number;
      timeoutAt: number | null;
      startAt: string;
    }
  | { seq: number; t: 'enter'; arn: string; state: string; input: Json; at: number }
  | {
      seq: number;
      t: 'exit';
      arn: string;
      state: string;
      output: Json;
      at: number;
      next: string | null;
      rerun?: boolean;
    }
  | { seq: number; t: 'wait'; arn: string; state: string; until: number; at: number }
  | { seq: number; t: 'wait-fired'; arn: string; at: number }
  | {
      seq: number;
      t: 'token';
      arn: string;
      state: string;
      token: string;
      deadline: number | null;
      at: number;
    }
  | { seq: number; t: 'token-delivered'; arn: string; token: string; at: number }
  | ({ seq: number; t: 'outcome'; arn: string; at: number } & TaskOutcome)
  | {
      seq: number;
      t: 'end';
      arn: string;
      status: ExecutionStatus;
      output?: string;
      error?: string;
      cause?: string;
      at: number;
    };

type NewRec = Rec extends infer R ? (R extends Rec ? Omit<R, 'seq'> : never) : never;

/** One pass of the library over an execution, from the cursor until the end or a park. */
interface Run {
  stale: boolean;
  /** The resumed state's journaled wait/token was handed to its first attempt. */
  resumeConsumed: boolean;
  firstEnterSeen: boolean;
  caught: Map<string, string>;
  abort: () => void;
}

/** Thrown by an override to end a library run while the execution waits (never retried or caught). */
class ParkSignal extends Error {
  override name = 'Karguzar.Parked';
  readonly isRetryable = false;
  readonly isCatchable = false;
}

/** A task failure as Step Functions reports it: Error = name, Cause = message. */
class TaskFailure extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

export class Runner {
  readonly clock: RunnerClock;
  private machines = new Map<string, LoadedMachine>();
  private machinesByArn = new Map<string, LoadedMachine>();
  private executions = new Map<string, ExecState>();
  private tokens = new Map<string, { arn: string; status: TokenStatus }>();
  private runs = new Map<string, Run>();
  private handlers = new Map<string, Promise<TaskHandler>>();
  private journal: Journal<Rec, PersistedState>;
  private timer: NodeJS.Timeout | undefined;
  private rescheduleQueued = false;
  private closed = false;
  private held = false;
  private unsubscribeClock: () => void = () => undefined;
  private TimeoutError: new () => Error = Error;
  private readonly log: NonNullable<RunnerOptions['log']>;

  constructor(private readonly options: RunnerOptions) {
    this.clock = options.clock ?? new ControllableClock(options.dataDir);
    this.journal = new Journal(options.dataDir);
    this.log =
      options.log ??
      ((level, message, fields) =>
        process.stderr.write(`${JSON.stringify({ level, service: 'sfn', message, ...fields })}\n`));
  }

  /** Loads the machines, replays the journal, compacts it and resumes every RUNNING execution. */
  async start(): Promise<void> {
    this.journal.lock();
    try {
      await this.load();
    } catch (err) {
      this.journal.close();
      throw err;
    }
  }

  private async load(): Promise<void> {
    this.TimeoutError = await captureStatesTimeoutError();
    this.machines = loadMachines(this.options.statemachinesDir ?? join(REPO_ROOT, 'statemachines'));
    this.machinesByArn = new Map([...this.machines.values()].map((m) => [m.arn, m]));
    const { snapshot, records } = this.journal.load();
    for (const e of snapshot?.executions ?? []) this.executions.set(e.arn, e);
    for (const [token, t] of Object.entries(snapshot?.tokens ?? {})) this.tokens.set(token, t);
    for (const r of records) this.apply(r);
    this.journal.open();
    this.journal.snapshot(this.persisted());
    this.unsubscribeClock = this.clock.onChange(() => this.tick());
    if (this.options.holdUntil) {
      this.held = true;
      void this.options.holdUntil.then(() => {
        this.held = false;
        this.resume();
      });
    } else this.resume();
  }

  private resume(): void {
    if (this.closed) return;
    const running = [...this.executions.values()].filter((e) => e.status === 'RUNNING');
    if (running.length > 0) this.log('info', 'resuming executions', { count: running.length });
    for (const e of running) this.drive(e);
    this.tick();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribeClock();
    for (const run of this.runs.values()) {
      run.stale = true;
      run.abort();
    }
    this.runs.clear();
    this.journal.close();
  }

  // ---------------------------------------------------------------- API (Step Functions semantics)

  listStateMachines(): LoadedMachine[] {
    return [...this.machines.values()];
  }

  machineByArn(arn: string): LoadedMachine {
    const m = this.machinesByArn.get(arn);
    if (!m) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return m;
  }

  startExecution(input: { stateMachineArn: string; name?: string; input?: string }): {
    executionArn: string;
    startDate: number;
  } {
    this.assertOpen();
    const machine = this.machineByArn(input.stateMachineArn);
    const name = input.name ?? randomUUID();
    const control = [...name].some(
      (ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f),
    );
    if (control || !/^[^\s<>{}[\]?*"#%\\^|~`$&,;:/]{1,80}$/.test(name)) {
      throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
    }
    const rawInput = input.input ?? '{}';
    let parsed: Json;
    try {
      parsed = JSON.parse(rawInput) as Json;
    } catch {
      throw new SfnError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not valid JSON');
    }
    void parsed;
    const arn = toExecutionArn(machine.name, name);
    const existing = this.executions.get(arn);
    if (existing) {
      // As AWS: the same name and input of a RUNNING execution is idempotent; anything else conflicts.
      if (existing.status === 'RUNNING' && existing.input === rawInput) {
        return { executionArn: arn, startDate: existing.startDate };
      }
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const now = this.now();
    const limit = machine.definition.TimeoutSeconds;
    this.commit({
      t: 'start',
      arn,
      machine: machine.name,
      name,
      input: rawInput,
      at: now,
      timeoutAt: typeof limit === 'number' ? now + limit * 1000 : null,
      startAt: machine.definition.StartAt,
    });
    this.drive(this.executions.get(arn)!);
    return { executionArn: arn, startDate: now };
  }

  describeExecution(arn: string): ExecState {
    const e = this.executions.get(arn);
    if (!e) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return e;
  }

  listExecutions(machineArn: string, statusFilter?: string): ExecState[] {
    const machine = this.machineByArn(machineArn);
    return [...this.executions.values()]
      .filter((e) => e.machine === machine.name && (!statusFilter || e.status === statusFilter))
      .sort((a, b) => b.startDate - a.startDate || (a.arn < b.arn ? -1 : 1));
  }

  history(arn: string): HistoryEvent[] {
    return this.describeExecution(arn).history;
  }

  stopExecution(arn: string, error?: string, cause?: string): { stopDate: number } {
    this.assertOpen();
    const e = this.describeExecution(arn);
    if (e.status !== 'RUNNING') return { stopDate: e.stopDate ?? this.now() };
    this.endRun(e);
    const now = this.now();
    this.commit({ t: 'end', arn, status: 'ABORTED', error, cause, at: now });
    return { stopDate: now };
  }

  sendTaskSuccess(token: string, output: string): void {
    this.assertOpen();
    const t = this.pendingToken(token);
    let parsed: Json;
    try {
      parsed = JSON.parse(output) as Json;
    } catch {
      throw new SfnError('InvalidOutput', 'Invalid Output: not valid JSON');
    }
    this.commit({ t: 'outcome', arn: t.arn, at: this.now(), token, outcome: 'success', output: parsed });
    this.drive(this.executions.get(t.arn)!);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.assertOpen();
    const t = this.pendingToken(token);
    this.commit({
      t: 'outcome',
      arn: t.arn,
      at: this.now(),
      token,
      outcome: 'failure',
      error: error ?? '',
      cause: cause ?? '',
    });
    this.drive(this.executions.get(t.arn)!);
  }

  /** Heartbeat/validity check of a token (AWS errors for unknown or timed-out tokens). */
  describeTaskToken(token: string): { arn: string } {
    return this.pendingToken(token);
  }

  /** Local only: moves the controllable clock forward and fires whatever became due. */
  advanceClock(ms: number): Date {
    if (!(this.clock instanceof ControllableClock))
      throw new SfnError('ValidationException', 'The runner clock is not controllable');
    return this.clock.advance(ms);
  }

  // ---------------------------------------------------------------- journal fold

  private commit(record: NewRec): Rec {
    const full = this.journal.append(record as Omit<Rec, 'seq'>);
    this.apply(full);
    if (this.journal.recordsSinceSnapshot >= SNAPSHOT_EVERY) this.journal.snapshot(this.persisted());
    if (!this.rescheduleQueued) {
      this.rescheduleQueued = true;
      queueMicrotask(() => {
        this.rescheduleQueued = false;
        this.reschedule();
      });
    }
    return full;
  }

  private persisted(): PersistedState {
    return { executions: [...this.executions.values()], tokens: Object.fromEntries(this.tokens) };
  }

  private stateType(machine: string, state: string): string {
    return this.machines.get(machine)?.topStates.get(state)?.Type ?? 'Unknown';
  }

  /** The only place state changes: replay and live operation go through the same fold. */
  private apply(r: Rec): void {
    if (r.t === 'start') {
      this.executions.set(r.arn, {
        arn: r.arn,
        machine: r.machine,
        name: r.name,
        input: r.input,
        startDate: r.at,
        status: 'RUNNING',
        timeoutAt: r.timeoutAt,
        cursor: { state: r.startAt, input: JSON.parse(r.input) as Json, entered: false },
        park: null,
        outcome: null,
        history: [],
      });
      this.addHistory(r.arn, r.at, 'ExecutionStarted', {
        input: r.input,
        roleArn: 'arn:aws:iam::000000000000:role/karguzar-local',
      });
      return;
    }
    const e = this.executions.get(r.arn);
    if (!e) return;
    switch (r.t) {
      case 'enter':
        e.cursor = { state: r.state, input: r.input, entered: true };
        e.park = null;
        e.outcome = null;
        this.addHistory(r.arn, r.at, `${this.stateType(e.machine, r.state)}StateEntered`, {
          name: r.state,
          input: JSON.stringify(r.input),
        });
        break;
      case 'exit':
        e.park = null;
        e.outcome = null;
        if (r.rerun) {
          // A Choice: its decision is not journaled; re-running it on the same input is pure.
        } else if (r.next === null) {
          e.cursor = null;
          e.endOutput = r.output;
        } else {
          e.cursor = { state: r.next, input: r.output, entered: false };
        }
        this.addHistory(r.arn, r.at, `${this.stateType(e.machine, r.state)}StateExited`, {
          name: r.state,
          output: JSON.stringify(r.output),
        });
        break;
      case 'wait':
        e.park = { kind: 'wait', state: r.state, until: r.until, fired: false };
        break;
      case 'wait-fired':
        if (e.park?.kind === 'wait') e.park.fired = true;
        break;
      case 'token':
        e.park = { kind: 'token', state: r.state, token: r.token, deadline: r.deadline, delivered: false };
        e.outcome = null;
        this.tokens.set(r.token, { arn: r.arn, status: 'pending' });
        this.addHistory(r.arn, r.at, 'TaskScheduled', {
          resourceType: 'lambda',
          resource: 'invoke.waitForTaskToken',
        });
        break;
      case 'token-delivered':
        if (e.park?.kind === 'token' && e.park.token === r.token) e.park.delivered = true;
        this.addHistory(r.arn, r.at, 'TaskSubmitted', {
          resourceType: 'lambda',
          resource: 'invoke.waitForTaskToken',
        });
        break;
      case 'outcome': {
        const { token, outcome, output, error, cause } = r;
        e.outcome = { token, outcome, output, error, cause };
        const t = this.tokens.get(token);
        if (t) t.status = outcome === 'timeout' ? 'timedout' : 'completed';
        const type =
          outcome === 'success' ? 'TaskSucceeded' : outcome === 'failure' ? 'TaskFailed' : 'TaskTimedOut';
        this.addHistory(
          r.arn,
          r.at,
          type,
          outcome === 'success' ? { output: JSON.stringify(output) } : { error, cause },
        );
        break;
      }
      case 'end': {
        if (e.park?.kind === 'token') {
          const t = this.tokens.get(e.park.token);
          if (t?.status === 'pending') t.status = 'closed';
        }
        e.status = r.status;
        e.stopDate = r.at;
        e.output = r.output;
        e.error = r.error;
        e.cause = r.cause;
        e.cursor = null;
        e.park = null;
        e.outcome = null;
        const type = {
          SUCCEEDED: 'ExecutionSucceeded',
          FAILED: 'ExecutionFailed',
          TIMED_OUT: 'ExecutionTimedOut',
          ABORTED: 'ExecutionAborted',
          RUNNING: '',
        }[r.status];
        this.addHistory(
          r.arn,
          r.at,
          type,
          r.status === 'SUCCEEDED' ? { output: r.output } : { error: r.error, cause: r.cause },
        );
        break;
      }
    }
  }

  private addHistory(arn: string, at: number, type: string, details?: Record<string, unknown>): void {
    const e = this.executions.get(arn);
    if (!e) return;
    e.history.push({ id: e.history.length + 1, timestamp: at, type, details });
  }

  // ---------------------------------------------------------------- running executions

  /** Runs the library from the execution's cursor unless the execution is waiting. */
  private drive(e: ExecState): void {
    if (this.closed || this.held || e.status !== 'RUNNING' || this.runs.has(e.arn)) return;
    if (!e.cursor) {
      // The last state ended the execution but the crash came before the end record.
      this.commit({
        t: 'end',
        arn: e.arn,
        status: 'SUCCEEDED',
        output: JSON.stringify(e.endOutput ?? null),
        at: this.now(),
      });
      return;
    }
    const park = e.park;
    if (park?.kind === 'wait' && !park.fired) return;
    if (park?.kind === 'token' && park.delivered && !e.outcome) return;
    const machine = this.machines.get(e.machine);
    if (!machine) {
      this.commit({
        t: 'end',
        arn: e.arn,
        status: 'FAILED',
        error: 'States.Runtime',
        cause: `State machine ${e.machine} is gone`,
        at: this.now(),
      });
      return;
    }
    const cursor = e.cursor;
    const run: Run = {
      stale: false,
      resumeConsumed: false,
      firstEnterSeen: false,
      caught: new Map(),
      abort: () => undefined,
    };
    this.runs.set(e.arn, run);
    const sm = new StateMachine(runDefinition(machine, cursor.state), {
      validationOptions: { noValidate: true },
    });
    this.hookEvents(sm, (event) => this.onEvent(e, machine, run, event));
    const execution = {
      Id: e.arn,
      Name: e.name,
      Input: JSON.parse(e.input) as Json,
      StartTime: new Date(e.startDate).toISOString(),
      RoleArn: 'arn:aws:iam::000000000000:role/karguzar-local',
    };
    const runOptions: RunOptions = {
      overrides: { taskResourceLocalHandlers: this.overrides(e, machine, run) as never },
      context: {
        Execution: execution,
        Karguzar: { Execution: execution },
        StateMachine: { Id: machine.arn, Name: `karguzar-${machine.name}` },
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    };
    let handle: ReturnType<StateMachine['run']>;
    try {
      handle = sm.run(cursor.input as never, runOptions);
    } catch (err) {
      this.runs.delete(e.arn);
      this.commit({
        t: 'end',
        arn: e.arn,
        status: 'FAILED',
        error: 'States.Runtime',
        cause: messageOf(err),
        at: this.now(),
      });
      return;
    }
    run.abort = handle.abort;
    handle.result.then(
      (output) => {
        if (run.stale) return;
        this.runs.delete(e.arn);
        this.commit({
          t: 'end',
          arn: e.arn,
          status: 'SUCCEEDED',
          output: JSON.stringify(output ?? null),
          at: this.now(),
        });
      },
      (err: unknown) => {
        if (run.stale) return;
        this.runs.delete(e.arn);
        const cause = (err as { cause?: unknown }).cause ?? err;
        const error = cause instanceof Error ? cause.name : 'States.Runtime';
        const c =
          cause instanceof Error
            ? typeof cause.cause === 'string'
              ? cause.cause
              : cause.message
            : String(cause);
        this.commit({ t: 'end', arn: e.arn, status: 'FAILED', error, cause: c, at: this.now() });
      },
    );
  }

  /** Stops the library run of an execution (its late events and results are ignored). */
  private endRun(e: ExecState): void {
    const run = this.runs.get(e.arn);
    if (!run) return;
    run.stale = true;
    this.runs.delete(e.arn);
    run.abort();
  }

  private park(e: ExecState, run: Run): never {
    run.stale = true;
    if (this.runs.get(e.arn) === run) this.runs.delete(e.arn);
    throw new ParkSignal('parked');
  }

  /**
   * Journals the library's top-level transitions synchronously, before the next state runs: the
   * library's event logger is wrapped (its async generator would lag behind the task overrides).
   */
  private hookEvents(sm: StateMachine, listener: (event: LibEvent) => void): void {
    const target = sm as unknown as {
      execute: (
        input: unknown,
        options: { eventLogger: { dispatch: (e: LibEvent) => void } },
        cleanup: unknown,
      ) => unknown;
    };
    // Relies on aws-local-stepfunctions 3.0.0 internals (the version is pinned); fail loudly if they change.
    if (typeof target.execute !== 'function')
      throw new Error('aws-local-stepfunctions changed: no StateMachine.execute');
    const execute = target.execute.bind(sm);
    target.execute = (input, options, cleanup) => {
      const logger = options.eventLogger;
      if (typeof logger?.dispatch !== 'function')
        throw new Error('aws-local-stepfunctions changed: no EventLogger.dispatch');
      const dispatch = logger.dispatch.bind(logger);
      logger.dispatch = (event) => {
        listener(event);
        dispatch(event);
      };
      return execute(input, options, cleanup);
    };
  }

  private onEvent(e: ExecState, machine: LoadedMachine, run: Run, event: LibEvent): void {
    if (run.stale || !event.state || event.index !== undefined || !machine.topStates.has(event.state.name))
      return;
    const name = event.state.name;
    if (event.type === 'StateEntered') {
      const continuation = !run.firstEnterSeen && e.cursor?.entered === true && e.cursor.state === name;
      run.firstEnterSeen = true;
      if (!continuation)
        this.commit({
          t: 'enter',
          arn: e.arn,
          state: name,
          input: event.state.input as Json,
          at: this.now(),
        });
    } else if (event.type === 'StateCaught' && event.catch) {
      run.caught.set(name, event.catch.catcher.Next);
    } else if (event.type === 'StateExited') {
      const def = machine.topStates.get(name)!;
      const caught = run.caught.get(name);
      run.caught.delete(name);
      const output = (event.state.output ?? null) as Json;
      if (caught !== undefined)
        this.commit({ t: 'exit', arn: e.arn, state: name, output, at: this.now(), next: caught });
      else if (def.Type === 'Choice')
        this.commit({ t: 'exit', arn: e.arn, state: name, output, at: this.now(), next: null, rerun: true });
      else
        this.commit({
          t: 'exit',
          arn: e.arn,
          state: name,
          output,
          at: this.now(),
          next: typeof def.Next === 'string' ? def.Next : null,
        });
    }
  }

  private overrides(
    e: ExecState,
    machine: LoadedMachine,
    run: Run,
  ): Record<string, (input: Json) => Promise<Json>> {
    const out: Record<string, (input: Json) => Promise<Json>> = {};
    for (const { name, state, topLevel } of allStates(machine.definition)) {
      if (topLevel && state.Type === 'Wait')
        out[name] = (input) => this.waitOverride(e, name, state, input, run);
      else if (state.Type === 'Task' && state.Resource === LAMBDA_INVOKE_WAIT)
        out[name] = (input) => this.tokenOverride(e, name, state, input, run);
      else if (state.Type === 'Task') out[name] = (input) => this.invokeTask(String(state.Resource), input);
    }
    return out;
  }

  private async waitOverride(
    e: ExecState,
    name: string,
    state: StateDef,
    input: Json,
    run: Run,
  ): Promise<Json> {
    if (run.stale) throw new ParkSignal('stale run');
    const park = e.park;
    if (!run.resumeConsumed && park?.kind === 'wait' && park.state === name) {
      run.resumeConsumed = true;
      if (park.fired) return input;
      this.park(e, run);
    }
    run.resumeConsumed = true;
    const now = this.now();
    const until = this.waitUntil(e, state, input, now);
    if (until <= now) return input;
    this.commit({ t: 'wait', arn: e.arn, state: name, until, at: now });
    this.park(e, run);
  }

  private waitUntil(e: ExecState, state: StateDef, input: Json, now: number): number {
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

  private async tokenOverride(
    e: ExecState,
    name: string,
    state: StateDef,
    input: Json,
    run: Run,
  ): Promise<Json> {
    if (run.stale) throw new ParkSignal('stale run');
    let token: string;
    const park = e.park;
    if (!run.resumeConsumed && park?.kind === 'token' && park.state === name) {
      run.resumeConsumed = true;
      if (e.outcome?.token === park.token) return this.settle(e.outcome);
      // Issued but the invocation may not have finished before a crash: invoke again, same token.
      token = park.token;
    } else {
      run.resumeConsumed = true;
      token = randomBytes(36).toString('base64url');
      const now = this.now();
      const seconds = this.timeoutSeconds(e, state);
      this.commit({
        t: 'token',
        arn: e.arn,
        state: name,
        token,
        deadline: seconds === null ? null : now + seconds * 1000,
        at: now,
      });
    }
    const request = replaceToken(input, token) as { FunctionName?: string; Payload?: Json };
    try {
      await this.invokeFunction(String(request.FunctionName), request.Payload ?? null);
    } catch (err) {
      if (!run.stale && this.tokens.get(token)?.status === 'pending') {
        const f = err instanceof TaskFailure ? err : new TaskFailure('Lambda.Unknown', messageOf(err));
        this.commit({
          t: 'outcome',
          arn: e.arn,
          at: this.now(),
          token,
          outcome: 'failure',
          error: f.name,
          cause: f.message,
        });
      }
      throw err;
    }
    if (run.stale) throw new ParkSignal('stale run');
    if (e.outcome?.token === token) return this.settle(e.outcome);
    this.commit({ t: 'token-delivered', arn: e.arn, token, at: this.now() });
    this.park(e, run);
  }

  private settle(outcome: TaskOutcome): Json {
    if (outcome.outcome === 'success') return outcome.output ?? null;
    if (outcome.outcome === 'timeout') throw new this.TimeoutError();
    throw new TaskFailure(outcome.error ?? '', outcome.cause ?? '');
  }

  private timeoutSeconds(e: ExecState, state: StateDef): number | null {
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

  /** A Task that is not waiting for a token: `lambda:invoke` (integration output shape) or a function ARN. */
  private async invokeTask(resource: string, input: Json): Promise<Json> {
    if (resource === LAMBDA_INVOKE) {
      const request = (input ?? {}) as { FunctionName?: string; Payload?: Json };
      const payload = await this.invokeFunction(String(request.FunctionName), request.Payload ?? null);
      return {
        ExecutedVersion: '$LATEST',
        Payload: payload,
        StatusCode: 200,
        SdkResponseMetadata: { RequestId: randomUUID() },
      };
    }
    return this.invokeFunction(resource, input);
  }

  /** Runs a task Lambda in-process. Errors become Error = errorType, Cause = {errorType, errorMessage}. */
  private async invokeFunction(ref: string, payload: Json): Promise<Json> {
    const name = functionNameOf(ref);
    let handler: TaskHandler;
    try {
      handler = await this.handlerFor(name);
    } catch (err) {
      throw new TaskFailure(
        'Lambda.ResourceNotFoundException',
        `Function not found: ${ref} (${messageOf(err)})`,
      );
    }
    const event = JSON.parse(JSON.stringify(payload)) as Json;
    try {
      const result = await handler(event, {
        functionName: `karguzar-${name}`,
        awsRequestId: randomUUID(),
        getRemainingTimeInMillis: () => 900_000,
      });
      return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as Json);
    } catch (err) {
      const errorType = err instanceof Error ? err.name : 'Error';
      throw new TaskFailure(errorType, JSON.stringify({ errorType, errorMessage: messageOf(err) }));
    }
  }

  private handlerFor(name: string): Promise<TaskHandler> {
    let cached = this.handlers.get(name);
    if (!cached) {
      const configured = this.options.functions?.[name];
      cached =
        typeof configured === 'function'
          ? Promise.resolve(configured)
          : (async () => {
              const file =
                configured ??
                join(this.options.tasksDir ?? join(REPO_ROOT, 'functions/handlers/tasks'), `${name}.task.ts`);
              const mod = (await import(pathToFileURL(resolve(file)).href)) as { handler?: TaskHandler };
              if (typeof mod.handler !== 'function') throw new Error(`${file} exports no handler`);
              return mod.handler;
            })();
      cached.catch(() => this.handlers.delete(name));
      this.handlers.set(name, cached);
    }
    return cached;
  }

  // ---------------------------------------------------------------- timers

  private now(): number {
    return this.clock.now().getTime();
  }

  private reschedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    let next = Infinity;
    for (const e of this.executions.values()) {
      if (e.status !== 'RUNNING') continue;
      if (e.timeoutAt !== null) next = Math.min(next, e.timeoutAt);
      if (e.park?.kind === 'wait' && !e.park.fired) next = Math.min(next, e.park.until);
      if (e.park?.kind === 'token' && !e.outcome && e.park.deadline !== null)
        next = Math.min(next, e.park.deadline);
    }
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.tick(), Math.min(Math.max(0, next - this.now()), MAX_TIMER_MS));
  }

  /** Fires everything that is due by the runner's clock (timers may fire early; re-checked here). */
  private tick(): void {
    if (this.closed || this.held) return;
    const now = this.now();
    for (const e of [...this.executions.values()]) {
      if (e.status !== 'RUNNING') continue;
      if (e.timeoutAt !== null && e.timeoutAt <= now) {
        this.endRun(e);
        this.commit({
          t: 'end',
          arn: e.arn,
          status: 'TIMED_OUT',
          error: 'States.Timeout',
          cause: 'Execution timed out',
          at: now,
        });
        continue;
      }
      const park = e.park;
      if (park?.kind === 'wait' && !park.fired && park.until <= now) {
        this.commit({ t: 'wait-fired', arn: e.arn, at: now });
        this.drive(e);
      } else if (
        park?.kind === 'token' &&
        !e.outcome &&
        park.deadline !== null &&
        park.deadline <= now &&
        this.tokens.get(park.token)?.status === 'pending'
      ) {
        this.commit({ t: 'outcome', arn: e.arn, at: now, token: park.token, outcome: 'timeout' });
        this.drive(e);
      }
    }
    this.reschedule();
  }

  private pendingToken(token: string): { arn: string } {
    const t = typeof token === 'string' ? this.tokens.get(token) : undefined;
    if (!t || t.status === 'completed' || t.status === 'closed')
      throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
    if (t.status === 'timedout') throw new SfnError('TaskTimedOut', 'Task Timed Out');
    return t;
  }

  private assertOpen(): void {
    if (this.closed) throw new SfnError('ServiceUnavailable', 'The runner is shutting down');
  }
}

interface LibEvent {
  type: string;
  index?: number;
  state?: { name: string; input: unknown; output?: unknown };
  catch?: { catcher: { Next: string } };
}

function replaceToken(value: Json, token: string): Json {
  if (typeof value === 'string') return value.replaceAll(TASK_TOKEN_PLACEHOLDER, () => token);
  if (Array.isArray(value)) return value.map((v) => replaceToken(v, token));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceToken(v, token)]));
  return value;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The library matches `States.TaskFailed` against everything except its own timeout class (not
 * exported). A 1 ms timeout on a throwaway machine hands us that class, so a task-token timeout
 * raised by the runner behaves exactly like the library's own.
 */
async function captureStatesTimeoutError(): Promise<new () => Error> {
  const sm = new StateMachine(
    {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:000000000000:function:x',
          TimeoutSeconds: 0.001,
          End: true,
        },
      },
    } as never,
    { validationOptions: { noValidate: true } },
  );
  const run = sm.run(null, {
    overrides: { taskResourceLocalHandlers: { T: () => new Promise<never>(() => undefined) } },
  });
  try {
    await run.result;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.name === 'States.Timeout')
      return cause.constructor as new () => Error;
  }
  throw new Error('aws-local-stepfunctions changed: cannot capture its States.Timeout error');
}
