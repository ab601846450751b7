/**
 * Structured JSON logs on stdout/stderr (CloudWatch in AWS): Powertools' Logger with the
 * project's line shape and the personal-data net of `redact.ts` on every line.
 *
 * A line: `level` (lower case), `time` (UTC ISO), `message`, `service`, in a Lambda the
 * function's name, request id and cold start, the X-Ray trace id when there is one, then the
 * caller's fields. Call sites pass ids and codes, never names, FİN, addresses or bodies.
 *
 * Level: POWERTOOLS_LOG_LEVEL or LOG_LEVEL (either case; default info). In AWS the function's
 * application log level (Lambda's advanced logging controls) sets the floor.
 */
import { Logger, LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, LogLevel, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { SERVICE } from './metric-names';
import { redactLogValue } from './redact';

/** The service name of every log line, metric and trace (POWERTOOLS_SERVICE_NAME in AWS). */
export const SERVICE_NAME = process.env.POWERTOOLS_SERVICE_NAME || SERVICE;

class ProjectLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const lambda = attributes.lambdaContext;
    return new LogItem({
      attributes: {
        level: String(attributes.logLevel).toLowerCase(),
        time: attributes.timestamp.toISOString(),
        message: attributes.message,
        service: attributes.serviceName,
        function_name: lambda?.functionName,
        function_request_id: lambda?.awsRequestId,
        cold_start: lambda?.coldStart,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes(additional);
  }
}

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;

function levelFromEnv(): LogLevel | undefined {
  const raw = (process.env.POWERTOOLS_LOG_LEVEL || process.env.LOG_LEVEL || '').toUpperCase();
  return (LEVELS as readonly string[]).includes(raw) ? (raw as LogLevel) : undefined;
}

const level = levelFromEnv();

export const logger = new Logger({
  serviceName: SERVICE_NAME,
  ...(level ? { logLevel: level } : {}),
  logFormatter: new ProjectLogFormatter(),
  jsonReplacerFn: redactLogValue,
});

/** True in a Lambda execution environment (never in the embedded default or in tests). */
export function inLambda(): boolean {
  return Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) && Boolean(process.env.AWS_EXECUTION_ENV);
}
