import { join } from 'node:path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { readAslFolder } from './asl';
import { Api, type GroupFiles, type InfraRoute } from './constructs/api';
import { AppFunctions } from './constructs/app-functions';
import { Backup } from './constructs/backup';
import { Data } from './constructs/data';
import { Edge } from './constructs/edge';
import { Identity } from './constructs/identity';
import { Intake } from './constructs/intake';
import { Monitoring } from './constructs/monitoring';
import { Notifications } from './constructs/notifications';
import type { ProjectFunction } from './constructs/project-function';
import { Search } from './constructs/search';
import { Storage } from './constructs/storage';
import { TenantAccess } from './constructs/tenant-access';
import { startedDefinitions, Workflows } from './constructs/workflows';
import { entries as defaultEntries, preTokenEntry, startedMachines, type EntryPaths } from './entries';

export type { GroupFiles, InfraRoute } from './constructs/api';

export interface KarguzarStackProps extends StackProps {
  /** Repository root: entries and `statemachines/` are resolved against it. */
  readonly projectRoot: string;
  /** The shared route table (`functions/api/routes.ts`). */
  readonly routes: readonly InfraRoute[];
  /** Files a route group's code reads at run time, copied into its bundle. */
  readonly groupFiles?: GroupFiles;
  /** Where the Lambda entries live under the project root. @default `entries.ts` */
  readonly entries?: EntryPaths;
  /** Short environment name used in physical names (`prod`, `staging`, ...). */
  readonly envName: string;
  /** ARN of the CLOUDFRONT-scoped web ACL (see EdgeStack). */
  readonly webAclArn: string;
  /** Domain verified in SES; mail is sent from no-reply@<domain>. */
  readonly mailDomain: string;
  /** E-mail in: mail to `<tenant key>@<this domain>` (MX to SES receiving). @default `intake.<mailDomain>` */
  readonly intakeDomain?: string;
  /** Cognito managed login domain prefix (must be globally unique per region). */
  readonly authDomainPrefix: string;
  /** Extra web origins (custom domains) allowed for OAuth callbacks and S3 CORS. */
  readonly extraWebOrigins?: readonly string[];
  /** Default route throttling of the HTTP API stage. */
  readonly apiThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
  /** The API's custom domain: disables the execute-api endpoint (see `ApiProps.apiDomain`). */
  readonly apiDomain?: { readonly name: string; readonly certificateArn: string };
  /** Version id of the origin secret CloudFront sends (set when rotating; see README). */
  readonly originSecretVersionId?: string;
  /** Requests per minute of one agency. @default 6000 */
  readonly tenantRatePerMinute?: number;
  /** Agencies' own request limits (tenant id → requests per minute). */
  readonly tenantRateLimits?: Readonly<Record<string, number>>;
  /** Default retention of the archive (Object Lock COMPLIANCE), in days. */
  readonly archiveRetentionDays?: number;
  /** Default retention of document contents (Object Lock COMPLIANCE), in days. */
  readonly attachmentsRetentionDays?: number;
  /** E-mail addresses subscribed to the alarm topic. */
  readonly alarmEmails?: readonly string[];
  /** HTTPS endpoints subscribed to the alarm topic (they must confirm the SNS subscription). */
  readonly alarmWebhooks?: readonly string[];
  /** Synthesis fails without an alarm subscription (every environment but a developer's). @default true */
  readonly requireAlarmSubscription?: boolean;
  /** The account's monthly SMS spend limit (SNS MonthlySpendLimit), whole USD. @default 1 */
  readonly smsMonthlyLimitUsd?: number;
  /** The account's default SMS sender id (1–11 letters and digits). @default none */
  readonly smsSenderId?: string;
  /** Deploy the OpenSearch Serverless collection. @default false */
  readonly search?: boolean;
  /** Standby replicas of the search collection. @default true */
  readonly searchStandbyReplicas?: boolean;
  /** The account's maximum search and indexing capacity in OCU (alarms at 80 %). @default 10 */
  readonly searchMaxOcu?: number;
  /** Backup vault lock in COMPLIANCE mode (GOVERNANCE otherwise). @default true */
  readonly backupCompliance?: boolean;
  /**
   * Reserved concurrency of the Cognito pre-token trigger and of the stream consumer, so that an
   * API surge cannot starve sign-in or indexing. Both are taken from the account's concurrency
   * pool (the API functions share what is left). @default 20 and 5
   */
  readonly reservedConcurrency?: { readonly preToken?: number; readonly stream?: number };
}

/**
 * `Karguzar-<env>`: the composition of the concerns in `constructs/`. Each concern defines its
 * resources directly in this stack (not under a construct of its own), so that construct paths,
 * and with them the logical ids of the deployed table, buckets, user pool and keys, stay as they
 * are. The order below follows the dependencies: the API exists before CloudFront, CloudFront
 * before the web client (its callback URLs), the authorizer before the routes.
 */
export class KarguzarStack extends Stack {
  readonly data: Data;
  readonly storage: Storage;
  readonly monitoring: Monitoring;
  readonly api: Api;
  readonly edge: Edge;
  readonly identity: Identity;
  readonly search: Search;
  readonly notifications: Notifications;
  readonly workflows: Workflows;
  readonly backup: Backup;
  readonly intake: Intake;
  /** Every ProjectFunction of the stack, by construct id. */
  readonly functions: Record<string, ProjectFunction>;

  constructor(scope: Construct, id: string, props: KarguzarStackProps) {
    super(scope, id, props);
    const prefix = `karguzar-${props.envName}`;
    const paths = props.entries ?? defaultEntries;
    const at = (relative: string): string => join(props.projectRoot, relative);

    // One e-visa code key alias per environment (aliases are unique in an account and region).
    const data = (this.data = new Data(this, { visaCodeKeyAlias: `alias/${prefix}-evisa-codes` }));
    const monitoring = (this.monitoring = new Monitoring(this, {
      key: data.dataKey,
      subscriptions: { emails: props.alarmEmails ?? [], webhooks: props.alarmWebhooks ?? [] },
      requireSubscription: props.requireAlarmSubscription ?? true,
    }));
    const storage = (this.storage = new Storage(this, {
      key: data.dataKey,
      archiveRetentionDays: props.archiveRetentionDays,
      attachmentsRetentionDays: props.attachmentsRetentionDays,
    }));
    const api = (this.api = new Api(this, {
      prefix,
      throttle: props.apiThrottle,
      alarmAction: monitoring.action,
      apiDomain: props.apiDomain,
      tenantRatePerMinute: props.tenantRatePerMinute,
      tenantRateLimits: props.tenantRateLimits,
    }));
    const edge = (this.edge = new Edge(this, {
      envName: props.envName,
      httpApi: api.httpApi,
      apiDomainName: api.domainName,
      originSecretVersionId: props.originSecretVersionId,
      logBucket: storage.logBucket,
      webAclArn: props.webAclArn,
      extraWebOrigins: props.extraWebOrigins,
    }));
    storage.allowBrowserUploads(edge.webOrigins);
    storage.allowPublicUploads();
    const identity = (this.identity = new Identity(this, {
      prefix,
      authDomainPrefix: props.authDomainPrefix,
      webOrigins: edge.webOrigins,
      preTokenEntry,
      preTokenReservedConcurrency: props.reservedConcurrency?.preToken,
      alarmTopic: monitoring.topic,
      mailDomain: props.mailDomain,
    }));
    const search = (this.search = new Search(this, {
      prefix,
      key: data.dataKey,
      enabled: props.search ?? false,
      standbyReplicas: props.searchStandbyReplicas ?? true,
    }));
    const notifications = (this.notifications = new Notifications(this, { mailDomain: props.mailDomain }));
    const intake = (this.intake = new Intake(this, {
      domain: props.intakeDomain ?? `intake.${props.mailDomain}`,
      logBucket: storage.logBucket,
      retentionDays: props.archiveRetentionDays,
    }));
    const grants = paths.grants;
    const workflows = (this.workflows = new Workflows(this, {
      prefix,
      // Only the machines some function's code starts (the others' ASL stays for the local runner).
      definitions: startedDefinitions(this, readAslFolder(at('statemachines')), startedMachines(grants)),
      taskEntry: (name) => at(paths.task(name)),
      taskGrants: (name) => grants.tasks[name] ?? [],
      monitoring,
    }));

    // Every API, task and stream Lambda gets what its declared capabilities need (entries.ts,
    // checked against the code by test/infra/iam-capabilities.test.ts) and nothing else. The
    // binders' order is the order of the statements in every role's policy as deployed.
    const app = new AppFunctions(this, {
      alarmTopic: monitoring.topic,
      binders: [
        (pf, o) => data.bindTable(pf, o.grants),
        (pf, o) => storage.bindBuckets(pf, o.grants),
        (pf, o) => intake.bind(pf, o.grants),
        (pf, o) => data.bindSigningKey(pf, o.grants),
        (pf, o) => search.bind(pf, o.grants),
        (pf, o) => workflows.bind(pf, o.grants),
        (pf, o) => notifications.bind(pf, o.grants),
        (pf) => identity.bindIssuer(pf),
        (pf, o) => {
          // Agency admins create and disable their employees' logins (org).
          if (o.grants.includes('users:manage')) identity.grantUserAdmin(pf);
          // The operator's onboarding makes the first admin's login and sets its password.
          if (o.grants.includes('users:onboard')) identity.grantOnboarding(pf);
          // Reading a login's tenant (AdminGetUser) is part of both grants above.
          const reads = o.grants.includes('users:manage') || o.grants.includes('users:onboard');
          if (o.grants.includes('users:read') && !reads)
            identity.userPool.grant(pf.role, 'cognito-idp:AdminGetUser');
        },
        (pf) => edge.bindOrigin(pf),
      ],
    });
    api.addRouteGroups({
      routes: props.routes,
      groupFiles: props.groupFiles,
      entry: (group) => at(paths.routeGroup(group)),
      newFunction: app.create,
      authorizer: identity.authorizer,
      grants: (group) => grants.routeGroups[group] ?? [],
      // Every route group: only CloudFront's requests; groups with signed-in users' routes also
      // count them against the agencies' shared quota.
      eachGroup: (group, pf) => {
        edge.bindOriginGuard(pf);
        if (props.routes.some((r) => r.group === group && r.auth === 'jwt'))
          api.bindTenantQuota(pf, data.table);
      },
    });
    // Tenant requests run with tenant-scoped credentials (issue 18): the API route groups only.
    new TenantAccess(this, {
      table: data.table,
      buckets: [storage.attachments, storage.archive],
      key: data.dataKey,
      apiFunctions: Object.entries(app.functions).flatMap(([id, pf]) => (id.startsWith('Api') ? [pf] : [])),
    });
    workflows.addMachines(app.create);
    data.addStreamConsumer({
      entry: at(paths.stream),
      newFunction: app.create,
      monitoring,
      grants: grants.stream,
      logBucket: storage.logBucket,
      reservedConcurrency: props.reservedConcurrency?.stream,
    });
    intake.addFunction({
      entry: at(paths.intake),
      newFunction: app.create,
      grants: grants.intake,
      monitoring,
    });
    data.alarmOnThrottles(monitoring.action);

    // Costs and what watches them (issue 18): the account's SMS cap, messaging and search alarms,
    // Cognito's mail through the SES identity (which must exist first), the locked backup copy.
    notifications.capSms({ monthlyLimitUsd: props.smsMonthlyLimitUsd ?? 1, senderId: props.smsSenderId });
    notifications.alarmOnReputationAndSpend(monitoring.action);
    search.alarmOnCapacity(monitoring.action, props.searchMaxOcu ?? 10);
    identity.userPool.node.addDependency(notifications.mailIdentity);
    this.backup = new Backup(this, {
      prefix,
      key: data.dataKey,
      table: data.table,
      archive: storage.archive,
      compliance: props.backupCompliance ?? true,
    });

    this.functions = { PreTokenFn: identity.preToken, ...app.functions };
  }
}
