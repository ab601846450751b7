/**
 * Every business and failure metric of the application, in one place: the names CloudWatch
 * shows (namespace POWERTOOLS_METRICS_NAMESPACE, default Karguzar), the one dimension each may
 * carry besides `service`, and the values that dimension takes. Counts only; each is emitted as
 * one EMF line when it happens.
 *
 * No dimension names a tenant, a person or a document: dimensions are few fixed values (every
 * combination is a separate CloudWatch metric), and ids belong in logs.
 */
export const METRICS = {
  /** A document got its registration number (incoming and outgoing at creation, internal and orders by the register operation). Dimension: kind. */
  DocumentRegistered: 'kind',
  /** An approver's decision on a route step (endorse, sign or reject). Dimension: decision. */
  ApprovalDecision: 'decision',
  /** A notice handed to the e-mail or SMS provider. Dimension: channel. */
  NoticeSent: 'channel',
  /** A notice the provider refused or that could not be handed over. Dimension: channel. */
  NoticeFailed: 'channel',
  /** An SMS not sent: the agency's monthly budget of parts would be exceeded (e-mail goes instead). Dimension: reason. */
  SmsWithheld: 'reason',
  /** An API answer with status 5xx. Dimension: group (the route group, i.e. the Lambda). */
  ServerError: 'group',
  /** A Step Functions task Lambda that ended with an error. Dimension: task. */
  TaskFailure: 'task',
  /** A table-stream record a consumer failed on (reported for a retry). Dimension: consumer. */
  StreamRecordFailure: 'consumer',
} as const;

export type MetricName = keyof typeof METRICS;
export type MetricDimension<N extends MetricName> = (typeof METRICS)[N];

/** The default namespace (POWERTOOLS_METRICS_NAMESPACE overrides it; CDK sets it to this). */
export const METRICS_NAMESPACE = 'Karguzar';

/** The default service name of logs, metrics and traces (POWERTOOLS_SERVICE_NAME; CDK sets it to this). */
export const SERVICE = 'karguzar';
