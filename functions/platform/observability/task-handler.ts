/**
 * A Step Functions task Lambda with the project's observability: the
 * Lambda context on log lines, and on an error one log line and a TaskFailure count (by task)
 * before the error goes back, unchanged, to the state machine (its Retry and Catch match the
 * error's name).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { metrics as defaultMetrics } from './emf-metrics';
import { lambdaObservability } from './lambda-middleware';
import { logger } from './logger';
import type { Metrics } from '../ports/metrics.port';

export function taskHandler<R>(
  task: string,
  run: (event: unknown) => Promise<R> | R,
  options: { metrics?: Metrics } = {},
): (event: unknown, context: Context) => Promise<R> {
  const metrics = options.metrics ?? defaultMetrics;
  const failures: middy.MiddlewareObj<unknown, R> = {
    onError: (request) => {
      metrics.count('TaskFailure', { task });
      logger.error('task_failed', { task, error: request.error });
    },
  };
  return middy<unknown, R>()
    .use(lambdaObservability())
    .use(failures)
    .handler(async (event) => run(event));
}
