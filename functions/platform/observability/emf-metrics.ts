/**
 * The Metrics port on Powertools' Metrics: each count is one CloudWatch Embedded Metric Format
 * line on stdout, written at once (a single-metric instance per count), so nothing waits for a
 * flush that a crash or a concurrent request of the embedded default could lose or mix up. In AWS,
 * CloudWatch Logs turns the lines into metrics; locally they are plain JSON lines beside the logs.
 */
import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { Metrics } from '../ports/metrics.port';
import { SERVICE_NAME } from './logger';
import { METRICS_NAMESPACE } from './metric-names';

export function createEmfMetrics(options: { namespace?: string; serviceName?: string } = {}): Metrics {
  const base = new PowertoolsMetrics({
    namespace: options.namespace ?? (process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE),
    serviceName: options.serviceName ?? SERVICE_NAME,
  });
  return {
    count(name, dimension) {
      const single = base.singleMetric();
      for (const [key, value] of Object.entries(dimension ?? {}) as Array<[string, string]>)
        if (value) single.addDimension(key, value);
      single.addMetric(name, MetricUnit.Count, 1);
    },
  };
}

/** The process's metrics (one per Lambda container, one in the embedded default). */
export const metrics: Metrics = createEmfMetrics();
