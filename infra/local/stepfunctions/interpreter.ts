/**
 * Glue around the ASL interpreter, aws-local-stepfunctions 3.0.0 (pinned): one library run of an
 * execution from a top-level state, with the runner's context and task overrides, its transitions
 * reported synchronously, and its errors read as Step Functions reports them. Everything here that
 * relies on the library's internals fails loudly (at start-up or on the first run) if they change.
 */
import { StateMachine } from 'aws-local-stepfunctions';
import type { RunOptions } from 'aws-local-stepfunctions';
import { runDefinition, TASK_TOKEN_PLACEHOLDER, type Json, type LoadedMachine } from './definitions';
import type { ExecState } from './model';

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

/** Thrown by an override to end a library run while the execution waits (never retried or caught). */
export class ParkSignal extends Error {
  override name = 'Karguzar.Parked';
  readonly isRetryable = false;
  readonly isCatchable = false;
}

/** The part of the library's events the runner journals. */
export interface LibEvent {
  type: string;
  /** Set for events inside a Map iteration. */
  index?: number;
  state?: { name: string; input: unknown; output?: unknown };
  catch?: { catcher: { Next: string } };
}

export type TaskOverrides = Record<string, (input: Json) => Promise<Json>>;

export interface LibraryRun {
  result: Promise<unknown>;
  abort: () => void;
}

/**
 * Prepares one library run of `e` from the top-level state `startAt` (rewritten StartAt,
 * validation off; see `runDefinition`). `onEvent` sees every event before the library goes on.
 * The returned function starts the run on the state's raw input; it throws if the library refuses.
 */
export function prepareRun(
  machine: LoadedMachine,
  e: ExecState,
  startAt: string,
  overrides: TaskOverrides,
  onEvent: (event: LibEvent) => void,
): (input: Json) => LibraryRun {
  const sm = new StateMachine(runDefinition(machine, startAt), { validationOptions: { noValidate: true } });
  hookEvents(sm, onEvent);
  const execution = {
    Id: e.arn,
    Name: e.name,
    Input: JSON.parse(e.input) as Json,
    StartTime: new Date(e.startDate).toISOString(),
    RoleArn: 'arn:aws:iam::000000000000:role/karguzar-local',
  };
  const runOptions: RunOptions = {
    overrides: { taskResourceLocalHandlers: overrides as never },
    context: {
      Execution: execution,
      Karguzar: { Execution: execution },
      StateMachine: { Id: machine.arn, Name: `karguzar-${machine.name}` },
      Task: { Token: TASK_TOKEN_PLACEHOLDER },
    },
  };
  return (input) => sm.run(input as never, runOptions);
}

/** A failed library run as the execution's Error and Cause. */
export function failureOf(err: unknown): { error: string; cause: string } {
  const cause = (err as { cause?: unknown }).cause ?? err;
  const error = cause instanceof Error ? cause.name : 'States.Runtime';
  const c =
    cause instanceof Error ? (typeof cause.cause === 'string' ? cause.cause : cause.message) : String(cause);
  return { error, cause: c };
}

/**
 * Journals the library's transitions synchronously, before the next state runs: the library's
 * event logger is wrapped (its async generator would lag behind the task overrides).
 */
function hookEvents(sm: StateMachine, listener: (event: LibEvent) => void): void {
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

/**
 * The library matches `States.TaskFailed` against everything except its own timeout class (not
 * exported). A 1 ms timeout on a throwaway machine hands us that class, so a task-token timeout
 * raised by the runner behaves exactly like the library's own.
 */
export async function captureStatesTimeoutError(): Promise<new () => Error> {
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
