import { Tags, Validations, type App } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EdgeStack } from './edge-stack';
import type { EntryPaths } from './entries';
import { KarguzarStack, type GroupFiles, type InfraRoute } from './karguzar-stack';

export interface BuildOptions {
  readonly projectRoot: string;
  readonly routes: readonly InfraRoute[];
  /** Files a route group's code reads at run time, copied into its bundle. */
  readonly groupFiles?: GroupFiles;
  /** Where the Lambda entries live under `projectRoot`. @default `entries.ts` */
  readonly entries?: EntryPaths;
  /** Run cdk-nag AwsSolutions as a validation plugin (CDK policy validation). @default true */
  readonly nag?: boolean;
}

export interface Built {
  readonly edge: EdgeStack;
  readonly main: KarguzarStack;
}

/**
 * Feature flags that the CLI app and the tests must share (kept here, not in cdk.json, so that
 * `Template.fromStack` in test/infra sees exactly what `cdk synth` deploys): every flag CDK
 * recommends for new projects of this aws-cdk-lib version, plus explicit choices.
 */
export const APP_CONTEXT: Record<string, unknown> = {
  ...CURRENTLY_RECOMMENDED_FLAGS,
  // Lock in today's behaviour for the WAF ARN read across regions (see README).
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

/**
 * Adds the Kargüzar stacks to an app. Account and region: context `account`/`region`,
 * then CDK_DEPLOY_ACCOUNT/CDK_DEPLOY_REGION, then CDK_DEFAULT_ACCOUNT / AWS_REGION, else a
 * placeholder account and eu-central-1, so that synth works offline without credentials.
 * (CDK_DEFAULT_REGION is ignored: without a profile the CLI sets it to us-east-1.)
 */
export function buildApp(app: App, options: BuildOptions): Built {
  const ctx = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const list = (key: string): string[] =>
    (ctx(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  /** `-c key=true|false` (a string on the command line, a boolean in cdk.json). */
  const flag = (key: string): boolean | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    if (value === undefined || value === '') return undefined;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw new Error(`Context ${key} must be true or false (got ${JSON.stringify(value)})`);
  };
  const int = (key: string): number | undefined => {
    const value = ctx(key);
    if (value === undefined) return undefined;
    if (!/^\d+$/u.test(value)) throw new Error(`Context ${key} must be a whole number (got "${value}")`);
    return Number(value);
  };
  const envName = ctx('env') ?? 'prod';
  // A developer's environment may go without alarm recipients, standby replicas or a
  // compliance-mode backup lock; every other one (staging included) may not.
  const developer = /^(dev|test|local|sandbox)/u.test(envName);
  const production = envName === 'prod' || envName === 'production';
  const account =
    ctx('account') ?? process.env.CDK_DEPLOY_ACCOUNT ?? process.env.CDK_DEFAULT_ACCOUNT ?? '111111111111';
  const region =
    ctx('region') ??
    process.env.CDK_DEPLOY_REGION ??
    process.env.AWS_REGION ??
    process.env.AWS_DEFAULT_REGION ??
    'eu-central-1';

  // The API's custom domain (`-c apiDomain=api.example.az -c apiCertificateArn=arn:aws:acm:…`).
  const apiDomain = ctx('apiDomain');
  const apiCertificateArn = ctx('apiCertificateArn');

  const edge = new EdgeStack(app, `Karguzar-${envName}-Edge`, {
    envName,
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    description: 'Kargüzar: CloudFront web ACL (a CLOUDFRONT web ACL must live in us-east-1)',
  });

  const main = new KarguzarStack(app, `Karguzar-${envName}`, {
    envName,
    env: { account, region },
    crossRegionReferences: true,
    description: 'Kargüzar: records management (API, data, workflows, auth, web)',
    projectRoot: options.projectRoot,
    routes: options.routes,
    groupFiles: options.groupFiles,
    entries: options.entries,
    webAclArn: edge.webAclArn,
    mailDomain: ctx('mailDomain') ?? 'mail.karguzar.example',
    ...(ctx('intakeDomain') ? { intakeDomain: ctx('intakeDomain') } : {}),
    authDomainPrefix: ctx('authDomainPrefix') ?? `karguzar-${envName}-${account}`,
    extraWebOrigins: list('webOrigins'),
    alarmEmails: list('alarmEmails'),
    alarmWebhooks: list('alarmWebhooks'),
    requireAlarmSubscription: !developer,
    smsMonthlyLimitUsd: int('smsMonthlyLimitUsd'),
    smsSenderId: ctx('smsSenderId'),
    search: flag('search') ?? false,
    searchStandbyReplicas: flag('searchStandbyReplicas') ?? production,
    searchMaxOcu: int('searchMaxOcu'),
    backupCompliance: !developer,
    ...(apiDomain && apiCertificateArn
      ? { apiDomain: { name: apiDomain, certificateArn: apiCertificateArn } }
      : {}),
    originSecretVersionId: ctx('originSecretVersionId'),
    tenantRatePerMinute: int('tenantRatePerMinute'),
  });

  Tags.of(app).add('project', 'karguzar');
  Tags.of(app).add('environment', envName);

  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { edge, main };
}
