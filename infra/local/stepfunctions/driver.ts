/**
 * Drives executions through the interpreter. One library run goes from the execution's cursor (a
 * top-level state and its journaled raw input) until the end or a park; its top-level transitions
 * are journaled as they happen. A top-level Wait or `.waitForTaskToken` task **parks** the
 * execution: its override journals the wait or the token and ends the run. When the timer fires
 * or the token is answered (or after a crash), a new run starts at that state and the override
 * hands over the journaled result.
 */
import { allStates, LAMBDA_INVOKE_WAIT, type Json, type LoadedMachine, type StateDef } from './definitions';
import {
  failureOf,
  ParkSignal,
  prepareRun,
  type LibEvent,
  type LibraryRun,
  type TaskOverrides,
} from './interpreter';
import type { TaskLambdas } from './lambdas';
import { messageOf, TaskFailure, type ExecState, type NewRec, type TaskOutcome } from './model';
import { taskTimeoutSeconds, waitUntil } from './timers';
import { newTaskToken, withTaskToken, type TokenRegistry } from './tokens';

/** What the driver needs from the runner that composes it. */
export interface DriverHost {
  readonly tokens: TokenRegistry;
  readonly lambdas: TaskLambdas;
  machine(name: string): LoadedMachine | undefined;
  /** Journals a record and applies it (see journal.ts); durable once `durable()` resolves. */
  commit(record: NewRec): void;
  /** Resolves once everything committed so far is on disk: before a task runs. */
  durable(): Promise<void>;
  now(): number;
  /** False once the runner is closing, or while it is held. */
  canRun(): boolean;
  /** The library's own `States.Timeout` class (see `captureStatesTimeoutError`). */
  timeoutError(): new () => Error;
}

/** One pass of the library over an execution, from the cursor until the end or a park. */
interface Run {
  stale: boolean;
  /** The resumed state's journaled wait/token was handed to its first attempt. */
  resumeConsumed: boolean;
  firstEnterSeen: boolean;
  caught: Map<string, string>;
  abort: () => void;
}

export class Driver {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly host: DriverHost) {}

  /** Runs the library from the execution's cursor unless the execution is waiting. */
  drive(e: ExecState): void {
    const host = this.host;
    if (!host.canRun() || e.status !== 'RUNNING' || this.runs.has(e.arn)) return;
    if (!e.cursor) {
      // The last state ended the execution but the crash came before the end record.
      const output = JSON.stringify(e.endOutput ?? null);
      host.commit({ t: 'end', arn: e.arn, status: 'SUCCEEDED', output, at: host.now() });
      return;
    }
    const park = e.park;
    if (park?.kind === 'wait' && !park.fired) return;
    if (park?.kind === 'token' && park.delivered && !e.outcome) return;
    const machine = host.machine(e.machine);
    if (!machine) {
      const cause = `State machine ${e.machine} is gone`;
      host.commit({ t: 'end', arn: e.arn, status: 'FAILED', error: 'States.Runtime', cause, at: host.now() });
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
    const start = prepareRun(machine, e, cursor.state, this.overrides(e, machine, run), (event) =>
      this.onEvent(e, machine, run, event),
    );
    let handle: LibraryRun;
    try {
      handle = start(cursor.input);
    } catch (err) {
      this.runs.delete(e.arn);
      const cause = messageOf(err);
      host.commit({ t: 'end', arn: e.arn, status: 'FAILED', error: 'States.Runtime', cause, at: host.now() });
      return;
    }
    run.abort = handle.abort;
    handle.result.then(
      (output) => {
        if (run.stale) return;
        this.runs.delete(e.arn);
        const text = JSON.stringify(output ?? null);
        host.commit({ t: 'end', arn: e.arn, status: 'SUCCEEDED', output: text, at: host.now() });
      },
      (err: unknown) => {
        if (run.stale) return;
        this.runs.delete(e.arn);
        host.commit({ t: 'end', arn: e.arn, status: 'FAILED', ...failureOf(err), at: host.now() });
      },
    );
  }

  /** Stops the library run of an execution (its late events and results are ignored). */
  endRun(e: ExecState): void {
    const run = this.runs.get(e.arn);
    if (!run) return;
    run.stale = true;
    this.runs.delete(e.arn);
    run.abort();
  }

  /** Closing: every run is stopped. */
  endAll(): void {
    for (const run of this.runs.values()) {
      run.stale = true;
      run.abort();
    }
    this.runs.clear();
  }

  private park(e: ExecState, run: Run): never {
    run.stale = true;
    if (this.runs.get(e.arn) === run) this.runs.delete(e.arn);
    throw new ParkSignal('parked');
  }

  /** Journals top-level `enter` and `exit` (Map iterations and nested states are not journaled). */
  private onEvent(e: ExecState, machine: LoadedMachine, run: Run, event: LibEvent): void {
    if (run.stale || !event.state || event.index !== undefined || !machine.topStates.has(event.state.name))
      return;
    const { arn } = e;
    const name = event.state.name;
    if (event.type === 'StateEntered') {
      const continuation = !run.firstEnterSeen && e.cursor?.entered === true && e.cursor.state === name;
      run.firstEnterSeen = true;
      if (!continuation)
        this.host.commit({
          t: 'enter',
          arn,
          state: name,
          input: event.state.input as Json,
          at: this.host.now(),
        });
    } else if (event.type === 'StateCaught' && event.catch) {
      run.caught.set(name, event.catch.catcher.Next);
    } else if (event.type === 'StateExited') {
      const def = machine.topStates.get(name)!;
      const caught = run.caught.get(name);
      run.caught.delete(name);
      const output = (event.state.output ?? null) as Json;
      const at = this.host.now();
      if (caught !== undefined) this.host.commit({ t: 'exit', arn, state: name, output, at, next: caught });
      else if (def.Type === 'Choice')
        this.host.commit({ t: 'exit', arn, state: name, output, at, next: null, rerun: true });
      else {
        const next = typeof def.Next === 'string' ? def.Next : null;
        this.host.commit({ t: 'exit', arn, state: name, output, at, next });
      }
    }
  }

  private overrides(e: ExecState, machine: LoadedMachine, run: Run): TaskOverrides {
    const out: TaskOverrides = {};
    for (const { name, state, topLevel } of allStates(machine.definition)) {
      if (topLevel && state.Type === 'Wait')
        out[name] = (input) => this.waitOverride(e, name, state, input, run);
      else if (state.Type === 'Task' && state.Resource === LAMBDA_INVOKE_WAIT)
        out[name] = (input) => this.tokenOverride(e, name, state, input, run);
      else if (state.Type === 'Task')
        out[name] = async (input) => {
          // The task's `enter` (and all before it) is on disk before the task runs.
          await this.host.durable();
          return this.host.lambdas.invokeTask(String(state.Resource), input);
        };
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
    const now = this.host.now();
    const until = waitUntil(e, state, input, now);
    if (until <= now) return input;
    this.host.commit({ t: 'wait', arn: e.arn, state: name, until, at: now });
    this.park(e, run);
  }

  private async tokenOverride(
    e: ExecState,
    name: string,
    state: StateDef,
    input: Json,
    run: Run,
  ): Promise<Json> {
    const host = this.host;
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
      token = newTaskToken();
      const now = host.now();
      const seconds = taskTimeoutSeconds(e, state);
      const deadline = seconds === null ? null : now + seconds * 1000;
      host.commit({ t: 'token', arn: e.arn, state: name, token, deadline, at: now });
    }
    const request = withTaskToken(input, token) as { FunctionName?: string; Payload?: Json };
    try {
      // The token is on disk before anyone can be handed it.
      await host.durable();
      if (run.stale) throw new ParkSignal('stale run');
      await host.lambdas.invoke(String(request.FunctionName), request.Payload ?? null);
    } catch (err) {
      if (!run.stale && host.tokens.status(token) === 'pending') {
        const f = err instanceof TaskFailure ? err : new TaskFailure('Lambda.Unknown', messageOf(err));
        host.commit({
          t: 'outcome',
          arn: e.arn,
          at: host.now(),
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
    host.commit({ t: 'token-delivered', arn: e.arn, token, at: host.now() });
    this.park(e, run);
  }

  /** The journaled outcome of a token, as the task's result or error. */
  private settle(outcome: TaskOutcome): Json {
    if (outcome.outcome === 'success') return outcome.output ?? null;
    if (outcome.outcome === 'timeout') throw new (this.host.timeoutError())();
    throw new TaskFailure(outcome.error ?? '', outcome.cause ?? '');
  }
}
