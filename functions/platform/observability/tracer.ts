/**
 * X-Ray tracing through Powertools' Tracer: a `## handler` subsegment per invocation (the middy
 * middleware in the HTTP, task and stream handlers) and one subsegment per AWS SDK call of the
 * clients passed through `traced`.
 *
 * Off where there is no X-Ray daemon: the Tracer turns itself off outside a Lambda execution
 * environment, and the embedded default sets POWERTOOLS_TRACE_ENABLED=false as well, so locally
 * `traced` hands the client back untouched and the middleware does nothing.
 *
 * Responses and error details stay out of traces (POWERTOOLS_TRACER_CAPTURE_RESPONSE and
 * _CAPTURE_ERROR are false in AWS, and the middleware is told not to capture responses): an
 * answer holds personal data, and the error is in the log line that carries the same trace id.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './logger';

export const tracer = new Tracer({ serviceName: SERVICE_NAME });

/** An AWS SDK v3 client whose calls become X-Ray subsegments (the same client when tracing is off). */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}
