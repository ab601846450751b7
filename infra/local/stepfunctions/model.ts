/**
 * The durable runner's vocabulary, shared by its pieces: the folded state of an execution, the
 * journal records that change it, and the errors the pieces raise. Types and small errors only.
 */
import type { Json } from './definitions';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** API errors, named as Step Functions names them (the server puts `name` in `__type`). */
export class SfnError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

/** A task failure as Step Functions reports it: Error = name, Cause = message. */
export class TaskFailure extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface HistoryEvent {
  id: number;
  timestamp: number;
  type: string;
  details?: Record<string, unknown>;
}

/** Why a RUNNING execution is not running: a top-level Wait or a `.waitForTaskToken` task. */
export type Park =
  | { kind: 'wait'; state: string; until: number; fired: boolean }
  | { kind: 'token'; state: string; token: string; deadline: number | null; delivered: boolean };

export interface TaskOutcome {
  token: string;
  outcome: 'success' | 'failure' | 'timeout';
  output?: Json;
  error?: string;
  cause?: string;
}

export interface ExecState {
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

export type TokenStatus = 'pending' | 'completed' | 'timedout' | 'closed';

export interface TokenEntry {
  arn: string;
  status: TokenStatus;
}

/** What `snapshot.json` holds: the fold of every record up to the snapshot's `seq`. */
export interface PersistedState {
  executions: ExecState[];
  tokens: Record<string, TokenEntry>;
}

/** One line of `journal.jsonl` (see README: Durability). */
export type Rec =
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

/** A record before the journal numbers it. */
export type NewRec = Rec extends infer R ? (R extends Rec ? Omit<R, 'seq'> : never) : never;
