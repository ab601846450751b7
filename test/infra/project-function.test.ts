import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppFunctions } from '../../infra/aws/constructs/app-functions';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { appFunctionOptions, bareStack, logicalId, stubEntry } from './bare-stack';

let pf: ProjectFunction;
let template: Template;
const calls: string[] = [];
let app: AppFunctions;
beforeAll(() => {
  const stack = bareStack();
  const alarmTopic = new Topic(stack, 'Alarms');
  pf = new ProjectFunction(stack, 'Fn', {
    entry: stubEntry,
    description: 'test function',
    environment: { GREETING: 'salam' },
    alarmTopic,
  });
  pf.addEnvironment({ LATER: 'yes' });
  app = new AppFunctions(stack, {
    alarmTopic,
    binders: [
      (f, o) => calls.push(`first ${f.node.id} ${o.grants.join(',')}`),
      (f) => {
        calls.push(`second ${f.node.id}`);
        f.addEnvironment({ BOUND: 'yes' });
      },
    ],
  });
  app.create('AppFn', appFunctionOptions({ grants: ['table:read', 'email'], timeout: Duration.seconds(29) }));
  template = Template.fromStack(stack);
});

const props = (f: ProjectFunction): Record<string, unknown> =>
  template.findResources('AWS::Lambda::Function')[logicalId(f.fn)]!.Properties;

describe('ProjectFunction', () => {
  it('runs on nodejs22.x, arm64, with X-Ray tracing and JSON logs into its own log group', () => {
    expect(props(pf)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logicalId(pf.logGroup) } },
      MemorySize: 1024,
      Timeout: 10,
    });
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365 },
      DeletionPolicy: 'Retain',
    });
  });

  it('has its own role without AWS managed policies', () => {
    const role = template.findResources('AWS::IAM::Role')[logicalId(pf.role)]!.Properties;
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(props(pf).Role).toEqual({ 'Fn::GetAtt': [logicalId(pf.role), 'Arn'] });
  });

  it('keeps its environment, variables added later, and always KARGUZAR_ENV=aws, without source maps at run time', () => {
    expect((props(pf).Environment as { Variables: object }).Variables).toMatchObject({
      GREETING: 'salam',
      LATER: 'yes',
      KARGUZAR_ENV: 'aws',
    });
    // Source maps are not read at run time: their cost falls on every cold start.
    expect((props(pf).Environment as { Variables: object }).Variables).not.toHaveProperty('NODE_OPTIONS');
  });

  it('configures Powertools (service name, metrics namespace) and active tracing without a tracer in the code', () => {
    const variables = (props(pf).Environment as { Variables: object }).Variables;
    expect(variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'karguzar',
      POWERTOOLS_METRICS_NAMESPACE: 'Karguzar',
    });
    // No Powertools tracer in the bundles (issue 17): its settings would configure nothing.
    expect(Object.keys(variables).filter((k) => k.startsWith('POWERTOOLS_TRACE'))).toEqual([]);
    expect(props(pf).TracingConfig).toEqual({ Mode: 'Active' });
  });

  it('grants the role the X-Ray writes that active tracing needs', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(logicalId(pf.role)),
    );
    const actions = policies.flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap(
        (st) => st.Action,
      ),
    );
    expect(actions).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
  });

  it('alarms on errors and throttles when given a topic', () => {
    const metrics = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map((a) => a.Properties)
      .filter((a) => JSON.stringify(a.Dimensions).includes(logicalId(pf.fn)))
      .map((a) => a.MetricName);
    expect(metrics.sort()).toEqual(['Errors', 'Throttles']);
  });
});

describe('AppFunctions', () => {
  it('runs every binder, in order, with the options of the function', () => {
    expect(calls).toEqual(['first AppFn table:read,email', 'second AppFn']);
  });

  it('registers the function and builds it from the options', () => {
    const fn = app.functions.AppFn!;
    expect(props(fn)).toMatchObject({ Timeout: 29, Description: 'test function' });
    expect((props(fn).Environment as { Variables: object }).Variables).toMatchObject({ BOUND: 'yes' });
  });
});
