/** Step Functions (AWS, or the durable local runner speaking the same API). */
export interface WorkflowEngine {
  start(input: {
    machine: string;
    /** Idempotency: the same name for the same work never starts a second execution. */
    name: string;
    input: unknown;
  }): Promise<{ executionArn: string }>;
  describe(
    executionArn: string,
  ): Promise<{ status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'; output?: unknown }>;
  taskSucceeded(taskToken: string, output: unknown): Promise<void>;
  taskFailed(taskToken: string, error: string, cause: string): Promise<void>;
  stop(executionArn: string, cause: string): Promise<void>;
  /** The ARN an execution started with `name` has (names are unique per machine). */
  executionArn(machine: string, name: string): string;
}
