/**
 * Durable local Step Functions runner (the embedded default's stand-in for AWS Step Functions
 * Standard). The ASL interpreter is aws-local-stepfunctions; the runner adds what it lacks:
 * executions that survive `kill -9`, task tokens, a clock that can be advanced, and the
 * Step Functions API semantics (see server.ts). Design and limits: README.md in this folder.
 *
 * This class composes the pieces and keeps the API: executions.ts (the state, a fold of the
 * journal), journal.ts (durable records and snapshots), timers.ts (deadlines on the clock),
 * tokens.ts (task tokens), driver.ts + interpreter.ts (library runs), lambdas.ts (task Lambdas).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ControllableClock, type RunnerClock } from './clock';
import {
  executionArn as toExecutionArn,
  loadMachines,
  REPO_ROOT,
  type Json,
  type LoadedMachine,
} from './definitions';
import { Driver } from './driver';
import { ExecutionTable } from './executions';
import { captureStatesTimeoutError } from './interpreter';
import { JournaledState, type JournalStats } from './journal';
import { TaskLambdas, type TaskLambdaOptions } from './lambdas';
import {
  SfnError,
  type ExecState,
  type HistoryEvent,
  type NewRec,
  type PersistedState,
  type Rec,
} from './model';
import { dueOf, nextDue, Timers } from './timers';
import { TokenRegistry } from './tokens';

export { SfnError } from './model';
export type { ExecState, ExecutionStatus, HistoryEvent } from './model';
export type { TaskHandler } from './lambdas';

export interface RunnerOptions extends TaskLambdaOptions {
  /** State lives in `<dataDir>/sfn/` (journal, snapshot) and `<dataDir>/clock.json`. */
  dataDir: string;
  /** Folder of `*.asl.json`; default `<repo>/statemachines`. */
  statemachinesDir?: string;
  /** Default: a ControllableClock persisted in `<dataDir>/clock.json`. */
  clock?: RunnerClock;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /**
   * Executions (resumed ones, timers, new starts) run only once this settles: the embedded
   * default wires the in-process task handlers first, so a resumed task never runs half-wired.
   */
  holdUntil?: Promise<void>;
}

export class Runner {
  readonly clock: RunnerClock;
  private machines = new Map<string, LoadedMachine>();
  private machinesByArn = new Map<string, LoadedMachine>();
  private readonly tokens = new TokenRegistry();
  private readonly table: ExecutionTable;
  private readonly store: JournaledState<Rec, PersistedState>;
  private readonly timers: Timers;
  private readonly driver: Driver;
  private closed = false;
  private held = false;
  private TimeoutError: new () => Error = Error;
  private readonly log: NonNullable<RunnerOptions['log']>;

  constructor(private readonly options: RunnerOptions) {
    this.clock = options.clock ?? new ControllableClock(options.dataDir);
    this.table = new ExecutionTable(
      this.tokens,
      (machine, state) => this.machines.get(machine)?.topStates.get(state)?.Type ?? 'Unknown',
    );
    this.store = new JournaledState(options.dataDir, this.table);
    this.timers = new Timers(this.clock, {
      nextDue: () => nextDue(this.table.executions.values()),
      fire: (now) => this.fireDue(now),
      held: () => this.held,
    });
    this.driver = new Driver({
      tokens: this.tokens,
      lambdas: new TaskLambdas(options),
      machine: (name) => this.machines.get(name),
      commit: (record) => this.commit(record),
      durable: () => this.durable(),
      now: () => this.now(),
      canRun: () => !this.closed && !this.held,
      timeoutError: () => this.TimeoutError,
    });
    this.log =
      options.log ??
      ((level, message, fields) =>
        process.stderr.write(`${JSON.stringify({ level, service: 'sfn', message, ...fields })}\n`));
  }

  /** Loads the machines, replays the journal, compacts it and resumes every RUNNING execution. */
  async start(): Promise<void> {
    this.store.lock();
    try {
      await this.load();
    } catch (err) {
      await this.store.close();
      throw err;
    }
  }

  private async load(): Promise<void> {
    this.TimeoutError = await captureStatesTimeoutError();
    this.machines = loadMachines(this.options.statemachinesDir ?? join(REPO_ROOT, 'statemachines'));
    this.machinesByArn = new Map([...this.machines.values()].map((m) => [m.arn, m]));
    this.store.recover();
    this.timers.start();
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
    const running = [...this.table.executions.values()].filter((e) => e.status === 'RUNNING');
    if (running.length > 0) this.log('info', 'resuming executions', { count: running.length });
    for (const e of running) this.driver.drive(e);
    this.timers.tick();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.close();
    this.driver.endAll();
    await this.store.close();
  }

  /**
   * Resolves once everything the runner journaled so far is on disk (group commit). The server
   * answers a request only after this, and the driver runs a task only after this, so no one
   * sees or acts on a state that a crash could take back.
   */
  durable(): Promise<void> {
    return this.store.durable();
  }

  /** Records, flushes (write + fsync) and snapshots of the journal so far. */
  journalStats(): JournalStats {
    return { ...this.store.stats };
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
    try {
      JSON.parse(rawInput);
    } catch {
      throw new SfnError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not valid JSON');
    }
    const arn = toExecutionArn(machine.name, name);
    const existing = this.table.get(arn);
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
    this.driver.drive(this.table.get(arn)!);
    return { executionArn: arn, startDate: now };
  }

  describeExecution(arn: string): ExecState {
    const e = this.table.get(arn);
    if (!e) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return e;
  }

  listExecutions(machineArn: string, statusFilter?: string): ExecState[] {
    const machine = this.machineByArn(machineArn);
    return [...this.table.executions.values()]
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
    this.driver.endRun(e);
    const now = this.now();
    this.commit({ t: 'end', arn, status: 'ABORTED', error, cause, at: now });
    return { stopDate: now };
  }

  sendTaskSuccess(token: string, output: string): void {
    this.assertOpen();
    const t = this.tokens.pending(token);
    let parsed: Json;
    try {
      parsed = JSON.parse(output) as Json;
    } catch {
      throw new SfnError('InvalidOutput', 'Invalid Output: not valid JSON');
    }
    this.commit({ t: 'outcome', arn: t.arn, at: this.now(), token, outcome: 'success', output: parsed });
    this.driver.drive(this.table.get(t.arn)!);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.assertOpen();
    const t = this.tokens.pending(token);
    this.commit({
      t: 'outcome',
      arn: t.arn,
      at: this.now(),
      token,
      outcome: 'failure',
      error: error ?? '',
      cause: cause ?? '',
    });
    this.driver.drive(this.table.get(t.arn)!);
  }

  /** Heartbeat/validity check of a token (AWS errors for unknown or timed-out tokens). */
  describeTaskToken(token: string): { arn: string } {
    return this.tokens.pending(token);
  }

  /** Local only: moves the controllable clock forward and fires whatever became due. */
  advanceClock(ms: number): Date {
    if (!(this.clock instanceof ControllableClock))
      throw new SfnError('ValidationException', 'The runner clock is not controllable');
    return this.clock.advance(ms);
  }

  // ---------------------------------------------------------------- composition

  /** Journals and applies a record (durable with the next group commit), then re-arms the timer. */
  private commit(record: NewRec): void {
    this.store.commit(record as Omit<Rec, 'seq'>);
    this.timers.schedule();
  }

  private now(): number {
    return this.timers.now();
  }

  /** What the timer found due: the execution's timeout, a Wait that ended, a token that timed out. */
  private fireDue(now: number): void {
    for (const e of [...this.table.executions.values()]) {
      const due = dueOf(e, this.tokens, now);
      if (due?.kind === 'execution-timeout') {
        this.driver.endRun(e);
        const cause = 'Execution timed out';
        this.commit({ t: 'end', arn: e.arn, status: 'TIMED_OUT', error: 'States.Timeout', cause, at: now });
      } else if (due?.kind === 'wait-fired') {
        this.commit({ t: 'wait-fired', arn: e.arn, at: now });
        this.driver.drive(e);
      } else if (due?.kind === 'token-timeout') {
        this.commit({ t: 'outcome', arn: e.arn, at: now, token: due.token, outcome: 'timeout' });
        this.driver.drive(e);
      }
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new SfnError('ServiceUnavailable', 'The runner is shutting down');
  }
}
