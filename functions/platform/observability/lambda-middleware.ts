/**
 * The observability middlewares every Lambda entry starts with (DESIGN.md: observability first):
 * Powertools' X-Ray handler subsegment, then the Lambda context on the log lines.
 *
 * The context goes on the logger only in a Lambda execution environment. A Lambda container runs
 * one invocation at a time, but the embedded default serves every request from one process and
 * one logger: a request id put on it by one request would show up on another's lines. There the
 * request line carries its own request id (see the HTTP group handler).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import { inLambda, logger } from './logger';
import { tracer } from './tracer';

export function lambdaObservability(): middy.MiddlewareObj[] {
  return [
    // Never the response in a trace: answers hold personal data.
    captureLambdaHandler(tracer, { captureResponse: false }) as middy.MiddlewareObj,
    ...(inLambda() ? [injectLambdaContext(logger) as middy.MiddlewareObj] : []),
  ];
}
