import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeGroupFiles, routes } from '../../functions/api/routes';
import { APP_CONTEXT, buildApp } from '../../infra/aws/build';
import { checkAlarmSubscriptions, Monitoring } from '../../infra/aws/constructs/monitoring';
import { bareStack, logicalId } from './bare-stack';
import { DEPLOYMENT_CONTEXT, projectRoot, synth, type Synthesized } from './synth';

/**
 * Issue 18, finding 4: every alarm reaches the recipients given as deployment parameters, and
 * recovers visibly; the alarms that were missing (SES reputation, SMS spend and failures, search
 * capacity) exist on the real app.
 */
let s: Synthesized;
let alarms: Array<Record<string, unknown>>;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
  alarms = Object.values(s.mainTemplate.findResources('AWS::CloudWatch::Alarm')).map(
    (a) => a.Properties as Record<string, unknown>,
  );
});

const topicRef = () => ({ Ref: logicalId(s.main.monitoring.topic) });
const alarmOf = (namespace: string, metricName: string) => {
  const found = alarms.filter((a) => a.Namespace === namespace && a.MetricName === metricName);
  expect(found, `${namespace}:${metricName}`).toHaveLength(1);
  return found[0]!;
};

describe('alarm topic', () => {
  it('notifies the topic from every alarm, when it fires and when it recovers', () => {
    expect(alarms.length).toBeGreaterThan(40);
    for (const a of alarms) {
      expect(a.AlarmActions, String(a.AlarmDescription)).toEqual([topicRef()]);
      expect(a.OKActions, String(a.AlarmDescription)).toEqual([topicRef()]);
    }
  });

  it('is subscribed by the e-mail addresses and HTTPS webhooks given as parameters', () => {
    const subscriptions = Object.values(s.mainTemplate.findResources('AWS::SNS::Subscription')).map(
      (r) => r.Properties as { Protocol: string; Endpoint: string; TopicArn: unknown },
    );
    const expected = [
      ...DEPLOYMENT_CONTEXT.alarmEmails.split(',').map((e) => ({ Protocol: 'email', Endpoint: e.trim() })),
      { Protocol: 'https', Endpoint: DEPLOYMENT_CONTEXT.alarmWebhooks },
    ];
    expect(subscriptions.map(({ Protocol, Endpoint }) => ({ Protocol, Endpoint }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(subscriptions).toHaveLength(expected.length);
    for (const sub of subscriptions) expect(sub.TopicArn).toEqual(topicRef());
  });
});

describe('the alarms that were missing', () => {
  it('watches the SES reputation at the rates where SES reviews or pauses the account', () => {
    expect(alarmOf('AWS/SES', 'Reputation.BounceRate')).toMatchObject({ Threshold: 0.05 });
    expect(alarmOf('AWS/SES', 'Reputation.ComplaintRate')).toMatchObject({ Threshold: 0.001 });
  });

  it('watches SMS spend at 80 % of the monthly limit, and SMS that fail', () => {
    expect(alarmOf('AWS/SNS', 'SMSMonthToDateSpentUSD')).toMatchObject({
      Threshold: Number(DEPLOYMENT_CONTEXT.smsMonthlyLimitUsd) * 0.8,
      Statistic: 'Maximum',
    });
    expect(alarmOf('AWS/SNS', 'NumberOfNotificationsFailed')).toMatchObject({
      Dimensions: [{ Name: 'PhoneNumber', Value: 'PhoneNumberDirect' }],
      Statistic: 'Sum',
    });
  });

  it('watches search and indexing capacity near the maximum, and the collection’s server errors', () => {
    for (const metric of ['SearchOCU', 'IndexingOCU']) {
      expect(alarmOf('AWS/AOSS', metric)).toMatchObject({
        Threshold: 8,
        Dimensions: [{ Name: 'ClientId', Value: '111111111111' }],
      });
    }
    const errors = alarmOf('AWS/AOSS', '5xx');
    expect(errors.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'CollectionId', Value: { 'Fn::GetAtt': [logicalId(s.main.search.collection!), 'Id'] } },
        { Name: 'CollectionName', Value: s.main.search.collectionName },
      ]),
    );
  });
});

describe('subscriptions as deployment parameters', () => {
  const build = (context: Record<string, string>) => {
    const app = new App({
      builtinCloudFormationValidation: false,
      outdir: mkdtempSync(join(tmpdir(), 'karguzar-cdk-alarms-')),
      context: { ...APP_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context },
    });
    return buildApp(app, { projectRoot, routes, groupFiles: routeGroupFiles, nag: false });
  };

  it('refuses to build a production or staging stack whose alarms would reach nobody', () => {
    expect(() => build({})).toThrow(/alarm topic has no subscription/);
    expect(() => build({ env: 'staging' })).toThrow(/alarm topic has no subscription/);
  });

  it('only warns in a developer environment', () => {
    const built = build({ env: 'dev' });
    const warnings = built.main.monitoring.topic.node.metadata.filter((m) => m.type === 'aws:cdk:warning');
    expect(warnings.map((w) => String(w.data))).toEqual([
      expect.stringContaining('alarm topic has no subscription'),
    ]);
  });

  it('accepts e-mail addresses and https URLs only, and names each bad one', () => {
    expect(() =>
      checkAlarmSubscriptions({
        emails: ['duty@karguzar.az', 'not-an-address', 'a@b'],
        webhooks: ['https://hooks.example.az/x', 'http://hooks.example.az/x', 'ftp://x.az', 'nonsense'],
      }),
    ).toThrow(
      /"not-an-address" is not an e-mail.*"a@b" is not an e-mail.*"http:\/\/hooks\.example\.az\/x" is not an https.*"ftp:\/\/x\.az".*"nonsense"/,
    );
    expect(() =>
      checkAlarmSubscriptions({ emails: [], webhooks: ['https://user:secret@hooks.example.az/'] }),
    ).toThrow(/not an https/);
    expect(
      checkAlarmSubscriptions({
        emails: ['növbətçi@karguzar.az'],
        webhooks: ['https://hooks.example.az/sns'],
      }),
    ).toEqual({ emails: ['növbətçi@karguzar.az'], webhooks: ['https://hooks.example.az/sns'] });
  });

  it('subscribes each recipient once', () => {
    const stack = bareStack();
    new Monitoring(stack, {
      key: new Key(stack, 'Key'),
      subscriptions: { emails: ['duty@karguzar.az', 'duty@karguzar.az'], webhooks: [] },
      requireSubscription: true,
    });
    Template.fromStack(stack).resourceCountIs('AWS::SNS::Subscription', 1);
  });
});
