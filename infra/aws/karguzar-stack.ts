import { join } from 'node:path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { pascal, readAslFolder } from './asl';
import { Api, type GroupFiles, type InfraRoute } from './constructs/api';
import { AppFunctions } from './constructs/app-functions';
import { Backup } from './constructs/backup';
import { Data } from './constructs/data';
import { Edge } from './constructs/edge';
import { Identity } from './constructs/identity';
import { Monitoring } from './constructs/monitoring';
import { Notifications } from './constructs/notifications';
import type { ProjectFunction } from './constructs/project-function';
import { Search } from './constructs/search';
import { Storage } from './constructs/storage';
import { Workflows } from './constructs/workflows';
import { entries as defaultEntries, preTokenEntry, type EntryPaths } from './entries';

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
  /** Every ProjectFunction of the stack, by construct id. */
  readonly functions: Record<string, ProjectFunction>;

  constructor(scope: Construct, id: string, props: KarguzarStackProps) {
    super(scope, id, props);
    const prefix = `karguzar-${props.envName}`;
    const paths = props.entries ?? defaultEntries;
    const at = (relative: string): string => join(props.projectRoot, relative);

    const data = (this.data = new Data(this));
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
    const workflows = (this.workflows = new Workflows(this, {
      prefix,
      definitions: readAslFolder(at('statemachines')),
      taskEntry: (name) => at(paths.task(name)),
      monitoring,
    }));

    // API, task and stream Lambdas share one data plane. The binders' order is the order of the
    // statements in every role's policy as deployed.
    const app = new AppFunctions(this, {
      alarmTopic: monitoring.topic,
      binders: [
        (pf) => data.bindTable(pf),
        (pf) => storage.bindBuckets(pf),
        (pf) => data.bindSigningKey(pf),
        (pf, o) => search.bind(pf, o.search),
        (pf) => workflows.bind(pf),
        (pf, o) => notifications.bind(pf, { send: o.sendsNotifications }),
        (pf) => identity.bindIssuer(pf),
        (pf) => edge.bindOrigin(pf),
      ],
    });
    api.addRouteGroups({
      routes: props.routes,
      groupFiles: props.groupFiles,
      entry: (group) => at(paths.routeGroup(group)),
      newFunction: app.create,
      authorizer: identity.authorizer,
      extraGrants: (group, pf) => {
        // Every route group: only CloudFront's requests, and the agencies' shared quota.
        edge.bindOriginGuard(pf);
        api.bindTenantQuota(pf);
        // Agency admins create and disable their employees' logins (org route group only).
        if (group === 'org') identity.grantUserAdmin(pf);
        // The operator's onboarding makes the first admin's login and sets its password.
        if (group === 'onboarding') identity.grantOnboarding(pf);
      },
    });
    workflows.addMachines(app.create);
    data.addStreamConsumer({
      entry: at(paths.stream),
      newFunction: app.create,
      monitoring,
      logBucket: storage.logBucket,
      reservedConcurrency: props.reservedConcurrency?.stream,
    });
    // Disposal acts delete archived versions whose retention ended (Object Lock guards the rest):
    // the stream consumer executes them, the integrity task (where its machine is deployed) sweeps.
    for (const name of ['StreamFn', `Task${pascal('archiveIntegrityCheck')}Fn`]) {
      const fn = app.functions[name];
      if (fn) storage.grantVersionDeletes(fn);
    }
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
