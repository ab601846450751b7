/**
 * Task Lambdas, invoked in-process by dynamic import: `functions/api/tasks/<name>.task.ts`
 * (export `handler(event)`), or what the `functions` option maps a name to. Results and errors are
 * shaped as Step Functions sees them from AWS Lambda.
 */
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionNameOf, LAMBDA_INVOKE, REPO_ROOT, type Json } from './definitions';
import { messageOf, TaskFailure } from './model';

export type TaskHandler = (event: unknown, context: Record<string, unknown>) => unknown;

export interface TaskLambdaOptions {
  /** Folder of task Lambdas `<name>.task.ts`; default `<repo>/functions/api/tasks`. */
  tasksDir?: string;
  /** `fn_<name>` → module path (exporting `handler`) or a handler; overrides tasksDir per name. */
  functions?: Record<string, string | TaskHandler>;
}

export class TaskLambdas {
  private readonly handlers = new Map<string, Promise<TaskHandler>>();

  constructor(private readonly options: TaskLambdaOptions) {}

  /**
   * A Task that is not waiting for a token: `lambda:invoke` (integration output shape
   * `{ ExecutedVersion, Payload, StatusCode }`) or a function ARN (the function's result).
   */
  async invokeTask(resource: string, input: Json): Promise<Json> {
    if (resource === LAMBDA_INVOKE) {
      const request = (input ?? {}) as { FunctionName?: string; Payload?: Json };
      const payload = await this.invoke(String(request.FunctionName), request.Payload ?? null);
      return {
        ExecutedVersion: '$LATEST',
        Payload: payload,
        StatusCode: 200,
        SdkResponseMetadata: { RequestId: randomUUID() },
      };
    }
    return this.invoke(resource, input);
  }

  /** Runs a task Lambda. Errors become Error = errorType, Cause = {errorType, errorMessage} (no stack). */
  async invoke(ref: string, payload: Json): Promise<Json> {
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
                join(this.options.tasksDir ?? join(REPO_ROOT, 'functions/api/tasks'), `${name}.task.ts`);
              const mod = (await import(pathToFileURL(resolve(file)).href)) as { handler?: TaskHandler };
              if (typeof mod.handler !== 'function') throw new Error(`${file} exports no handler`);
              return mod.handler;
            })();
      cached.catch(() => this.handlers.delete(name));
      this.handlers.set(name, cached);
    }
    return cached;
  }
}
