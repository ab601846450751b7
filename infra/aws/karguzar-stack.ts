import { join } from 'node:path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { pascal, readAslFolder } from './asl';
import { Api, type GroupFiles, type InfraRoute } from './constructs/api';
import { AppFunctions } from './constructs/app-functions';
import { Data } from './constructs/data';
import { Edge } from './constructs/edge';
import { Identity } from './constructs/identity';
import { Monitoring } from './constructs/monitoring';
import { Notifications } from './constructs/notifications';
import type { ProjectFunction } from './constructs/project-function';
import { Search } from './constructs/search';
import { Storage } from './constructs/storage';
import { TenantAccess } from './constructs/tenant-access';
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
  /** Default retention of the archive (Object Lock COMPLIANCE), in days. */
  readonly archiveRetentionDays?: number;
  /** Default retention of document contents (Object Lock COMPLIANCE), in days. */
  readonly attachmentsRetentionDays?: number;
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
  /** Every ProjectFunction of the stack, by construct id. */
  readonly functions: Record<string, ProjectFunction>;

  constructor(scope: Construct, id: string, props: KarguzarStackProps) {
    super(scope, id, props);
    const prefix = `karguzar-${props.envName}`;
    const paths = props.entries ?? defaultEntries;
    const at = (relative: string): string => join(props.projectRoot, relative);

    const data = (this.data = new Data(this));
    const monitoring = (this.monitoring = new Monitoring(this, { key: data.dataKey }));
    const storage = (this.storage = new Storage(this, {
      key: data.dataKey,
      archiveRetentionDays: props.archiveRetentionDays,
      attachmentsRetentionDays: props.attachmentsRetentionDays,
    }));
    const api = (this.api = new Api(this, {
      prefix,
      throttle: props.apiThrottle,
      alarmAction: monitoring.action,
    }));
    const edge = (this.edge = new Edge(this, {
      envName: props.envName,
      httpApi: api.httpApi,
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
      alarmTopic: monitoring.topic,
    }));
    const search = (this.search = new Search(this, { prefix, key: data.dataKey }));
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
        // Agency admins create and disable their employees' logins (org route group only).
        if (group === 'org') identity.grantUserAdmin(pf);
        // The operator's onboarding makes the first admin's login and sets its password.
        if (group === 'onboarding') identity.grantOnboarding(pf);
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
    data.addStreamConsumer({ entry: at(paths.stream), newFunction: app.create, monitoring });
    // Disposal acts delete archived versions whose retention ended (Object Lock guards the rest):
    // the stream consumer executes them, the integrity task (where its machine is deployed) sweeps.
    for (const name of ['StreamFn', `Task${pascal('archiveIntegrityCheck')}Fn`]) {
      const fn = app.functions[name];
      if (fn) storage.grantVersionDeletes(fn);
    }
    data.alarmOnThrottles(monitoring.action);

    this.functions = { PreTokenFn: identity.preToken, ...app.functions };
  }
}
