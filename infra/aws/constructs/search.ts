import { Lazy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from 'aws-cdk-lib/aws-opensearchserverless';
import type { Construct } from 'constructs';
import type { Capability } from '../entries';
import type { ProjectFunction } from './project-function';

export interface SearchProps {
  /** `karguzar-<env>`: prefix of the collection and policy names (cut to 32 characters). */
  readonly prefix: string;
  /** The data key encrypts the collection. */
  readonly key: IKey;
}

/**
 * Document search: an OpenSearch Serverless SEARCH collection encrypted with the data key. No VPC
 * in this stack, so the endpoint is public; every request is SigV4-signed and the data access
 * policy names only the project roles: the indexer writes, everyone else reads.
 *
 * Resources are defined directly in `scope` (the stack): logical ids as deployed.
 */
export class Search {
  readonly collection: CfnCollection;
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
      standbyReplicas: 'ENABLED',
    });
    this.collection.addResourceDependency(encryptionPolicy);
    this.collection.addResourceDependency(networkPolicy);
  }

  /**
   * For `search:read` / `search:write` only: SEARCH_ENDPOINT, the IAM side of access, and a place
   * in the data access policy (writers index, readers query). Nothing else gets either.
   */
  bind(pf: ProjectFunction, grants: readonly Capability[]): void {
    const access = grants.includes('search:write')
      ? 'write'
      : grants.includes('search:read')
        ? 'read'
        : undefined;
    if (!access) return;
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
