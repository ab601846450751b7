/**
 * The observability middleware every Lambda entry starts with (DESIGN.md: observability first):
 * the Lambda context on the log lines.
 *
 * Tracing is Lambda's active tracing alone: the service records each invocation (initialization,
 * invocation, overhead) and every log line carries its trace id (`xray_trace_id`). There is no
 * X-Ray SDK in the bundles, so no handler or AWS SDK call subsegments: aws-xray-sdk-core cost
 * every function about 110 KB and its load time (docs/decisions.md, issue 17).
 *
 * The context goes on the logger only in a Lambda execution environment. A Lambda container runs
 * one invocation at a time, but the embedded default serves every request from one process and
 * one logger: a request id put on it by one request would show up on another's lines. There the
 * request line carries its own request id (see the HTTP group handler).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type middy from '@middy/core';
import { inLambda, logger } from './logger';

export function lambdaObservability(): middy.MiddlewareObj[] {
  return inLambda() ? [injectLambdaContext(logger) as middy.MiddlewareObj] : [];
}
