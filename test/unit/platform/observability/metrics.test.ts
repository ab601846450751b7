import { describe, expect, it } from 'vitest';
import { createEmfMetrics } from '../../../../functions/platform/observability/emf-metrics';
import { meteredEmail, meteredSms } from '../../../../functions/platform/observability/metered-senders';
import { METRICS, type MetricName } from '../../../../functions/platform/observability/metric-names';
import { taskHandler } from '../../../../functions/platform/observability/task-handler';
import type { Metrics } from '../../../../functions/platform/ports/metrics.port';
import type { Context } from 'aws-lambda';
import { captureOutput } from '../../../support/output';

/** A Metrics port that remembers what was counted. */
function countingMetrics() {
  const counted: Array<[string, Record<string, string> | undefined]> = [];
  const metrics: Metrics = { count: (name, dimension) => void counted.push([name, dimension]) };
  return { metrics, counted };
}

const context = { functionName: 'karguzar-test', awsRequestId: 'req-1' } as Context;

describe('the EMF metrics adapter', () => {
  it('writes each count at once as one CloudWatch Embedded Metric Format line', async () => {
    // Arrange
    const metrics = createEmfMetrics({ namespace: 'Karguzar', serviceName: 'karguzar' });

    // Act
    const { lines } = await captureOutput(() => {
      metrics.count('NoticeSent', { channel: 'sms' });
      metrics.count('DocumentRegistered', { kind: 'incoming' });
    });

    // Assert
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          {
            Namespace: 'Karguzar',
            Dimensions: [['service', 'channel']],
            Metrics: [{ Name: 'NoticeSent', Unit: 'Count' }],
          },
        ],
      },
      service: 'karguzar',
      channel: 'sms',
      NoticeSent: 1,
    });
    expect(lines[1]).toMatchObject({ kind: 'incoming', DocumentRegistered: 1 });
    expect(Math.abs((lines[0]!._aws as { Timestamp: number }).Timestamp - Date.now())).toBeLessThan(60_000);
  });

  it('counts without a dimension as the service alone', async () => {
    const metrics = createEmfMetrics({ namespace: 'Karguzar', serviceName: 'karguzar' });
    const { lines } = await captureOutput(() => metrics.count('ServerError'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      _aws: {
        CloudWatchMetrics: [{ Dimensions: [['service']], Metrics: [{ Name: 'ServerError', Unit: 'Count' }] }],
      },
      ServerError: 1,
    });
  });

  it('names every metric with a dimension of its own in one table', () => {
    const names = Object.keys(METRICS) as MetricName[];
    expect(names).toEqual(
      expect.arrayContaining([
        'DocumentRegistered',
        'ApprovalDecision',
        'NoticeSent',
        'NoticeFailed',
        'ServerError',
        'TaskFailure',
        'StreamRecordFailure',
      ]),
    );
    for (const name of names) expect(METRICS[name]).toMatch(/^[a-z]+$/);
  });
});

describe('metered notice senders', () => {
  it('count a notice handed over as NoticeSent and a refused one as NoticeFailed, by channel', async () => {
    // Arrange
    const { metrics, counted } = countingMetrics();
    const email = meteredEmail({ send: async () => ({ messageId: 'm-1' }) }, metrics);
    const refusal = new Error('MessageRejected');
    const sms = meteredSms(
      {
        send: async () => {
          throw refusal;
        },
      },
      metrics,
    );

    // Act
    const sent = await email.send({ to: ['x@example.az'], subject: 's', text: 't' });
    const failed = await sms.send({ phone: '+994501234567', text: 't' }).catch((e: unknown) => e);

    // Assert
    expect(sent).toEqual({ messageId: 'm-1' });
    expect(failed).toBe(refusal);
    expect(counted).toEqual([
      ['NoticeSent', { channel: 'email' }],
      ['NoticeFailed', { channel: 'sms' }],
    ]);
  });
});

describe('task Lambdas', () => {
  it('return the task result and count nothing when it succeeds', async () => {
    const { metrics, counted } = countingMetrics();
    const handler = taskHandler('deadlinePlan', async (event) => ({ got: event }), { metrics });
    await expect(handler({ id: 1 }, context)).resolves.toEqual({ got: { id: 1 } });
    expect(counted).toEqual([]);
  });

  it('count a TaskFailure by task, log it, and hand the same error back to the state machine', async () => {
    // Arrange
    const { metrics, counted } = countingMetrics();
    class TaskTokenExpired extends Error {
      override name = 'TaskTokenExpired';
    }
    const error = new TaskTokenExpired('token of step 2 expired');
    const handler = taskHandler(
      'routeStep',
      async () => {
        throw error;
      },
      { metrics },
    );

    // Act
    let thrown: unknown;
    const { lines } = await captureOutput(async () => {
      thrown = await handler({}, context).catch((e: unknown) => e);
    });

    // Assert
    expect(thrown).toBe(error);
    expect(counted).toEqual([['TaskFailure', { task: 'routeStep' }]]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'task_failed',
        task: 'routeStep',
        error: expect.objectContaining({ type: 'TaskTokenExpired', message: 'token of step 2 expired' }),
      }),
    );
  });
});
