/**
 * WorkflowEngine on Step Functions (SDK v3). The same code talks to AWS and to the durable local
 * runner (infra/local/stepfunctions), which serves the same JSON API.
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { ConflictError, NotFoundError } from '../../kernel/errors';
import type { WorkflowEngine } from '../../ports/workflow.port';
import { clientConfig, type AwsClientOptions } from '../aws-client';

export interface SfnWorkflowEngineOptions extends AwsClientOptions {
  /** Machine name used by the use cases → state machine ARN (from CDK outputs / the local runner). */
  machines: Record<string, string>;
}

type Status = Awaited<ReturnType<WorkflowEngine['describe']>>['status'];
const statuses: readonly Status[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

export function createSfnClient(options: AwsClientOptions): SFNClient {
  return new SFNClient(clientConfig(options));
}

export class SfnWorkflowEngine implements WorkflowEngine {
  private readonly client: SFNClient;

  constructor(
    private readonly options: SfnWorkflowEngineOptions,
    client?: SFNClient,
  ) {
    this.client = client ?? createSfnClient(options);
  }

  async start(input: { machine: string; name: string; input: unknown }): Promise<{ executionArn: string }> {
    const stateMachineArn = this.options.machines[input.machine];
    if (!stateMachineArn)
      throw new NotFoundError(`Unknown workflow ${input.machine}`, { machine: input.machine });
    const body = JSON.stringify(input.input ?? {});
    try {
      const out = await this.client.send(
        new StartExecutionCommand({ stateMachineArn, name: input.name, input: body }),
      );
      return { executionArn: out.executionArn! };
    } catch (err) {
      if (!(err instanceof ExecutionAlreadyExists)) throw err;
      // Step Functions is idempotent only while the execution runs; a finished execution with the
      // same name and input is the same work, so it counts as started. Different input conflicts.
      const executionArn = executionArnOf(stateMachineArn, input.name);
      const existing = await this.client.send(new DescribeExecutionCommand({ executionArn }));
      if (existing.input === body) return { executionArn };
      throw new ConflictError(
        'workflow_name_conflict',
        `A workflow named ${input.name} already exists with other input`,
        { name: input.name },
      );
    }
  }

  async describe(executionArn: string): Promise<{ status: Status; output?: unknown }> {
    const out = await this.client.send(new DescribeExecutionCommand({ executionArn }));
    const status = statuses.find((s) => s === out.status);
    if (!status) throw new Error(`Unexpected execution status ${String(out.status)}`);
    return { status, ...(out.output !== undefined ? { output: JSON.parse(out.output) as unknown } : {}) };
  }

  async taskSucceeded(taskToken: string, output: unknown): Promise<void> {
    await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output ?? {}) }));
  }

  async taskFailed(taskToken: string, error: string, cause: string): Promise<void> {
    await this.client.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  }

  executionArn(machine: string, name: string): string {
    const stateMachineArn = this.options.machines[machine];
    if (!stateMachineArn) throw new Error(`Unknown state machine ${machine}`);
    return executionArnOf(stateMachineArn, name);
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    await this.client.send(new StopExecutionCommand({ executionArn, cause }));
  }
}

/** arn:aws:states:R:A:stateMachine:M + name → arn:aws:states:R:A:execution:M:name */
export function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}
