/**
 * The executions as the fold of the journal: `apply` is the only place their state changes, and
 * replay after a crash and live operation go through it alike (see journal.ts), so the state after
 * a crash is exactly the journaled state.
 */
import type { Json } from './definitions';
import type { Fold } from './journal';
import type { ExecState, HistoryEvent, PersistedState, Rec } from './model';
import type { TokenRegistry } from './tokens';

const ROLE_ARN = 'arn:aws:iam::000000000000:role/karguzar-local';

const END_EVENT = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  ABORTED: 'ExecutionAborted',
  RUNNING: '',
} as const;

export class ExecutionTable implements Fold<Rec, PersistedState> {
  readonly executions = new Map<string, ExecState>();

  /**
   * @param stateType the `Type` of a machine's top-level state, for the history's
   *   `<Type>StateEntered/Exited` (`'Unknown'` when the machine or state is gone).
   */
  constructor(
    readonly tokens: TokenRegistry,
    private readonly stateType: (machine: string, state: string) => string,
  ) {}

  get(arn: string): ExecState | undefined {
    return this.executions.get(arn);
  }

  restore(snapshot: PersistedState | undefined): void {
    for (const e of snapshot?.executions ?? []) this.executions.set(e.arn, e);
    this.tokens.restore(snapshot?.tokens);
  }

  persisted(): PersistedState {
    return { executions: [...this.executions.values()], tokens: this.tokens.toJSON() };
  }

  apply(r: Rec): void {
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
      this.addHistory(r.arn, r.at, 'ExecutionStarted', { input: r.input, roleArn: ROLE_ARN });
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
        this.tokens.issue(r.token, r.arn);
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
        this.tokens.settle(token, outcome);
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
        if (e.park?.kind === 'token') this.tokens.close(e.park.token);
        e.status = r.status;
        e.stopDate = r.at;
        e.output = r.output;
        e.error = r.error;
        e.cause = r.cause;
        e.cursor = null;
        e.park = null;
        e.outcome = null;
        this.addHistory(
          r.arn,
          r.at,
          END_EVENT[r.status],
          r.status === 'SUCCEEDED' ? { output: r.output } : { error: r.error, cause: r.cause },
        );
        break;
      }
    }
  }

  private addHistory(arn: string, at: number, type: string, details?: Record<string, unknown>): void {
    const e = this.executions.get(arn);
    if (!e) return;
    const event: HistoryEvent = { id: e.history.length + 1, timestamp: at, type, details };
    e.history.push(event);
  }
}
