import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { logicalId, statementsOf } from './bare-stack';
import { synth, type Synthesized } from './synth';

/**
 * Issue 18, workflow findings on the real stack: the digest fan-out as deployed, alarms on every
 * bad end of an execution, failed stream batches kept for replay, and the reserved concurrency of
 * sign-in and indexing.
 */
let s: Synthesized;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
});

type Resource = { Properties: Record<string, unknown> };
const resourcesOf = (type: string) => s.mainTemplate.findResources(type) as Record<string, Resource>;

/** The definition of a deployed machine with the substitutions' placeholders left in. */
function definitionOf(name: string): { States: Record<string, Record<string, unknown>> } {
  const machine = Object.values(resourcesOf('AWS::StepFunctions::StateMachine')).find(
    (m) => m.Properties.StateMachineName === `karguzar-prod-${name}`,
  )!;
  return JSON.parse(machine.Properties.DefinitionString as string) as never;
}

describe('state machines', () => {
  it('deploys the digest fan-out: a Map of at most 10 batches whose task fits its Lambda’s timeout', () => {
    const send = definitionOf('daily-digest-send');
    const map = send.States.SendBatches as {
      Type: string;
      MaxConcurrency: number;
      ItemProcessor: { States: Record<string, { TimeoutSeconds: number }> };
    };
    expect(map.Type).toBe('Map');
    expect(map.MaxConcurrency).toBe(10);
    expect(map.ItemProcessor.States.SendBatch!.TimeoutSeconds).toBeLessThanOrEqual(60);
    const yearly = definitionOf('daily-digest');
    expect(yearly.States.SendDigests!.TimeoutSeconds).toBeLessThanOrEqual(60);
    // The send task's Lambda has the 60 s the state counts on.
    const sendFn = s.main.functions.TaskDigestSendFn!;
    s.mainTemplate.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      Description: 'Kargüzar Step Functions task "digestSend"',
      Timeout: 60,
    });
    expect(sendFn).toBeDefined();
  });

  it('never retries the route step’s timeout, so Expired is reachable', () => {
    const step = definitionOf('document-route').States.AwaitStep as {
      Retry: Array<{ ErrorEquals: string[] }>;
      Catch: Array<{ ErrorEquals: string[]; Next: string }>;
    };
    const retried = step.Retry.flatMap((r) => r.ErrorEquals);
    expect(retried).not.toContain('States.ALL');
    expect(retried).not.toContain('States.Timeout');
    expect(step.Catch).toContainEqual(
      expect.objectContaining({ ErrorEquals: ['States.Timeout'], Next: 'Expired' }),
    );
  });

  it('alarms on failed, timed-out and aborted executions of every machine', () => {
    const machines = Object.values(s.main.workflows.stateMachines);
    expect(machines.length).toBeGreaterThan(5);
    const alarms = Object.values(resourcesOf('AWS::CloudWatch::Alarm'));
    for (const machine of machines) {
      const arn = { Ref: logicalId(machine) };
      const watching = alarms.filter((a) =>
        JSON.stringify(a.Properties.Metrics ?? []).includes(JSON.stringify(arn)),
      );
      expect(watching, machine.node.id).toHaveLength(1);
      const metrics = watching[0]!.Properties.Metrics as Array<{
        Expression?: string;
        ReturnData?: boolean;
        MetricStat?: { Metric: { MetricName: string; Namespace: string } };
      }>;
      expect(
        metrics
          .map((m) => m.MetricStat?.Metric.MetricName)
          .filter(Boolean)
          .sort(),
      ).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
      expect(metrics.find((m) => m.Expression)?.Expression).toMatch(/failed.*timedOut.*aborted/);
      expect(watching[0]!.Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: logicalId(s.main.monitoring.topic) }],
      });
    }
  });
});

describe('stream failures can be replayed', () => {
  const replayId = 'StreamReplayBucket';

  it('keeps failed batches in an encrypted, TLS-only, access-logged bucket for 35 days', () => {
    const bucket = resourcesOf('AWS::S3::Bucket')[replayId]!;
    expect(bucket).toBeDefined();
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [logicalId(s.main.data.dataKey), 'Arn'] },
            },
          },
        ],
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: logicalId(s.main.storage.logBucket) },
        LogFilePrefix: 's3/stream-replay/',
      },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ ExpirationInDays: 35, Status: 'Enabled' })],
      },
    });
    const policy = Object.values(resourcesOf('AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: replayId }),
    )!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('maps the stream with bounded retries, six hours of record age and the bucket as on-failure destination', () => {
    const stream = s.main.functions.StreamFn!;
    s.mainTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stream.fn) },
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 6 * 3600,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [replayId, 'Arn'] } } },
      MetricsConfig: { Metrics: ['EventCount'] },
    });
    expect(Object.keys(resourcesOf('AWS::SQS::Queue'))).not.toContainEqual(
      expect.stringMatching(/^StreamDlq/),
    );
  });

  it('lets the stream consumer only write failed batches into the bucket (no read, no delete)', () => {
    const stream = s.main.functions.StreamFn!;
    const onReplay = statementsOf(s.mainTemplate, logicalId(stream.role)).filter((st) =>
      JSON.stringify(st.Resource).includes(replayId),
    );
    const actions = onReplay.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action])).sort();
    expect(actions).toEqual(['s3:ListBucket', 's3:PutObject']);
  });

  it('alarms on a batch given up on, a batch lost, and a consumer five minutes behind', () => {
    const stream = s.main.functions.StreamFn!;
    const mappingId = Object.keys(resourcesOf('AWS::Lambda::EventSourceMapping'))[0]!;
    const action = [{ Ref: logicalId(s.main.monitoring.topic) }];
    s.mainTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'OnFailureDestinationDeliveredEventCount',
      Dimensions: [{ Name: 'EventSourceMappingUUID', Value: { Ref: mappingId } }],
      Statistic: 'Sum',
      Threshold: 1,
      AlarmActions: action,
    });
    s.mainTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DestinationDeliveryFailures',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(stream.fn) } }],
      Threshold: 1,
      AlarmActions: action,
    });
    s.mainTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(stream.fn) } }],
      Statistic: 'Maximum',
      Threshold: 300_000,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: action,
    });
  });
});

describe('reserved concurrency', () => {
  it('reserves capacity for sign-in (20) and indexing (5), and for nothing else', () => {
    const fns = resourcesOf('AWS::Lambda::Function');
    const reserved = Object.fromEntries(
      Object.entries(fns)
        .filter(([, f]) => f.Properties.ReservedConcurrentExecutions !== undefined)
        .map(([id, f]) => [id, f.Properties.ReservedConcurrentExecutions]),
    );
    expect(reserved).toEqual({
      [logicalId(s.main.identity.preToken.fn)]: 20,
      [logicalId(s.main.functions.StreamFn!.fn)]: 5,
    });
  });
});
