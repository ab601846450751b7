import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Metric, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from 'aws-cdk-lib/aws-opensearchserverless';
import type { Construct } from 'constructs';
import type { Capability } from '../entries';
import { alarmAtLeast } from './alarm';
import type { ProjectFunction } from './project-function';

export interface SearchProps {
  /** `karguzar-<env>`: prefix of the collection and policy names (cut to 32 characters). */
  readonly prefix: string;
  /** The data key encrypts the collection. */
  readonly key: IKey;
  /**
   * Deploy the collection (context `search`). Off, there is no collection, no policy, no
   * SEARCH_ENDPOINT and no aoss grant: nothing queries it yet, and its capacity floor is the
   * largest fixed cost of the stack (docs/scale.md). @default false
   */
  readonly enabled?: boolean;
  /** Standby replicas in a second zone (doubles the OCU floor; production only). @default true */
  readonly standbyReplicas?: boolean;
}

/**
 * Document search: an OpenSearch Serverless SEARCH collection encrypted with the data key. No VPC
 * in this stack, so the endpoint is public; every request is SigV4-signed and the data access
 * policy names only the project roles: the indexer writes, everyone else reads.
 *
 * Resources are defined directly in `scope` (the stack): logical ids as deployed.
 */
export class Search {
  /** The one collection of all tenants; undefined while search is off. */
  readonly collection?: CfnCollection;
  readonly collectionName: string;
  private readonly writers: IRole[] = [];
  private readonly readers: IRole[] = [];
  private accessPolicy?: CfnAccessPolicy;

  constructor(
    private readonly scope: Construct,
    private readonly props: SearchProps,
  ) {
    const stack = Stack.of(scope);
    const name = (this.collectionName = `${props.prefix}`.slice(0, 32));
    if (!(props.enabled ?? false)) return;
    const encryptionPolicy = new CfnSecurityPolicy(scope, 'SearchEncryptionPolicy', {
      name: `${props.prefix}-enc`.slice(0, 32),
      type: 'encryption',
      policy: stack.toJsonString({
        Rules: [{ ResourceType: 'collection', Resource: [`collection/${name}`] }],
        AWSOwnedKey: false,
        KmsARN: props.key.keyArn,
      }),
    });
    const networkPolicy = new CfnSecurityPolicy(scope, 'SearchNetworkPolicy', {
      name: `${props.prefix}-net`.slice(0, 32),
      type: 'network',
      // No VPC in this stack: the endpoint is public, every request is SigV4-signed and
      // authorised by the data access policy; OpenSearch Dashboards stay closed.
      policy: JSON.stringify([
        {
          Rules: [{ ResourceType: 'collection', Resource: [`collection/${name}`] }],
          AllowFromPublic: true,
        },
      ]),
    });
    this.collection = new CfnCollection(scope, 'SearchCollection', {
      name,
      type: 'SEARCH',
      description: 'Kargüzar document search',
      standbyReplicas: (props.standbyReplicas ?? true) ? 'ENABLED' : 'DISABLED',
    });
    this.collection.addResourceDependency(encryptionPolicy);
    this.collection.addResourceDependency(networkPolicy);
  }

  /**
   * For `search:read` / `search:write` only: SEARCH_ENDPOINT, the IAM side of access, and a place
   * in the data access policy (writers index, readers query), when the collection is deployed.
   * Nothing else gets either.
   */
  bind(pf: ProjectFunction, grants: readonly Capability[]): void {
    const access = grants.includes('search:write')
      ? 'write'
      : grants.includes('search:read')
        ? 'read'
        : undefined;
    if (!access || !this.collection) return;
    pf.addEnvironment({ SEARCH_ENDPOINT: this.collection.attrCollectionEndpoint });
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['aoss:APIAccessAll'], resources: [this.collection.attrArn] }),
    );
    (access === 'write' ? this.writers : this.readers).push(pf.role);
    this.accessPolicy ??= new CfnAccessPolicy(this.scope, 'SearchAccessPolicy', {
      name: `${this.props.prefix}-data`.slice(0, 32),
      type: 'data',
      // Rendered at synth: the principals are known only once every function is bound.
      policy: Lazy.string({ produce: () => Stack.of(this.scope).toJsonString(this.accessRules()) }),
    });
  }

  /**
   * Capacity: search and indexing OCUs (account-wide: every collection of the account shares the
   * maximum capacity setting) at 80 % of that maximum, where OpenSearch Serverless stops scaling
   * and queries slow down; and the collection's server errors.
   */
  alarmOnCapacity(action: IAlarmAction, maxOcu: number): void {
    const collection = this.collection;
    if (!collection) return;
    const account = Stack.of(this.scope).account;
    const period = Duration.minutes(5);
    for (const [metricName, id] of [
      ['SearchOCU', 'SearchQueryCapacity'],
      ['IndexingOCU', 'SearchIndexingCapacity'],
    ] as const) {
      alarmAtLeast(this.scope, id, {
        description: `OpenSearch Serverless: ${metricName} at 80 % of the account's maximum of ${maxOcu} OCU`,
        metric: new Metric({
          namespace: 'AWS/AOSS',
          metricName,
          dimensionsMap: { ClientId: account },
          statistic: 'Maximum',
          period,
        }),
        threshold: Math.round(maxOcu * 0.8 * 10) / 10,
        action,
      });
    }
    alarmAtLeast(this.scope, 'Search5xx', {
      description: 'OpenSearch Serverless: server errors of the collection',
      metric: new Metric({
        namespace: 'AWS/AOSS',
        metricName: '5xx',
        dimensionsMap: {
          ClientId: account,
          CollectionId: collection.attrId,
          CollectionName: this.collectionName,
        },
        statistic: 'Sum',
        period,
      }),
      threshold: 5,
      action,
    });
  }

  private accessRules(): object[] {
    const name = this.collectionName;
    const principals = (roles: IRole[]): string[] => roles.map((r) => r.roleArn);
    return [
      ...(this.writers.length
        ? [
            {
              Description: 'Indexer: manage indexes and documents',
              Rules: [
                {
                  ResourceType: 'index',
                  Resource: [`index/${name}/*`],
                  Permission: [
                    'aoss:CreateIndex',
                    'aoss:UpdateIndex',
                    'aoss:DescribeIndex',
                    'aoss:ReadDocument',
                    'aoss:WriteDocument',
                  ],
                },
                {
                  ResourceType: 'collection',
                  Resource: [`collection/${name}`],
                  Permission: ['aoss:DescribeCollectionItems'],
                },
              ],
              Principal: principals(this.writers),
            },
          ]
        : []),
      ...(this.readers.length
        ? [
            {
              Description: 'API and tasks: query documents',
              Rules: [
                {
                  ResourceType: 'index',
                  Resource: [`index/${name}/*`],
                  Permission: ['aoss:DescribeIndex', 'aoss:ReadDocument'],
                },
              ],
              Principal: principals(this.readers),
            },
          ]
        : []),
    ];
  }
}
