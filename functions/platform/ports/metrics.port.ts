/**
 * Business and failure counts (CloudWatch metrics through EMF log lines in AWS; the same lines
 * on stdout in the embedded default). The names and their dimension are fixed in
 * `platform/observability/metric-names.ts`; use cases and handlers count through this port and
 * never see the metrics library.
 */
import type { MetricDimension, MetricName } from '../observability/metric-names';

export interface Metrics {
  /** Counts one occurrence, with the metric's dimension when it has a value. */
  count<N extends MetricName>(name: N, dimension?: { [K in MetricDimension<N>]: string }): void;
}
