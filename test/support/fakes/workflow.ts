import type { WorkflowEngine } from '../../../functions/platform/ports/workflow.port';

/**
 * Step Functions in memory: a start is idempotent by machine and name, and what the use cases asked
 * of the engine is recorded. `failTokens` makes taskSucceeded throw an error of the given name for
 * a token (e.g. TaskDoesNotExist, a token already used).
 */
export class MemoryWorkflowEngine implements WorkflowEngine {
  readonly started: Array<{ machine: string; name: string; input: unknown }> = [];
  readonly succeeded: Array<{ taskToken: string; output: unknown }> = [];
  readonly failed: Array<{ taskToken: string; error: string; cause: string }> = [];
  readonly stopped: Array<{ executionArn: string; cause: string }> = [];
  readonly failTokens = new Map<string, string>();

  async start(input: { machine: string; name: string; input: unknown }): Promise<{ executionArn: string }> {
    if (!this.started.some((s) => s.machine === input.machine && s.name === input.name))
      this.started.push(input);
    return { executionArn: this.executionArn(input.machine, input.name) };
  }

  async describe(executionArn: string): Promise<{ status: 'RUNNING' | 'ABORTED' }> {
    return { status: this.stopped.some((s) => s.executionArn === executionArn) ? 'ABORTED' : 'RUNNING' };
  }

  async taskSucceeded(taskToken: string, output: unknown): Promise<void> {
    const failure = this.failTokens.get(taskToken);
    if (failure) throw Object.assign(new Error(failure), { name: failure });
    this.succeeded.push({ taskToken, output });
  }

  async taskFailed(taskToken: string, error: string, cause: string): Promise<void> {
    this.failed.push({ taskToken, error, cause });
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    this.stopped.push({ executionArn, cause });
  }

  executionArn(machine: string, name: string): string {
    return `arn:aws:states:local:000000000000:execution:${machine}:${name}`;
  }
}
