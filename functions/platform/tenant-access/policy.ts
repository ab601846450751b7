/**
 * The tenant-scoped credentials' policy (issue 18): what a request of one tenant may touch when it
 * runs with the credentials of the tenant access role, whose session carries the tag
 * `tenant=<tenantId>`. One role serves every tenant: the policy names the tenant only through the
 * principal tag, so IAM itself refuses a key of another tenant even when the code asks for it.
 *
 * The same document is deployed (infra/aws/constructs/tenant-access.ts), evaluated by the policy's
 * proof (test/unit/platform/tenant-access-policy.test.ts) and by the embedded default's check of
 * every DynamoDB request made in a tenant context (infra/local/tenant-access-check.ts).
 */

/** The session tag that names the tenant (and the principal tag the policy reads). */
export const TENANT_TAG = 'tenant';

/** The tenant's id as IAM substitutes it from the session. */
export const TENANT_VARIABLE = '${aws:PrincipalTag/tenant}';

/**
 * How every tenant partition key (table and both indexes) begins: ElectroDB's `$karguzar` service
 * and the `tenantId` composite, then `#…` for composite keys (test/unit/platform/table-keys.test.ts).
 */
export const TENANT_KEY_PREFIX = '$karguzar#tenantId_';

/** The citizen registries: one global dataset, read-only for tenants. */
export const REGISTRY_KEY_PREFIX = '$registry#';

/**
 * The partition keys of one tenant: its bare key and its composite keys. The `#` keeps tenant `a`
 * from matching `ab` (tenant ids never contain `#`, `*`, `?` or `/`: TENANT_ID_PATTERN).
 */
export function tenantLeadingKeys(tenant: string): [string, string] {
  return [`${TENANT_KEY_PREFIX}${tenant}`, `${TENANT_KEY_PREFIX}${tenant}#*`];
}

/** Item actions of the request path on the tenant's partitions (no Scan, no BatchWriteItem: nothing uses it). */
export const TENANT_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** Reads of the global registries. */
export const REGISTRY_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

/** Object reads and writes under the tenant's prefix (presigned URLs are signed with them too). */
export const TENANT_OBJECT_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:PutObject',
  's3:AbortMultipartUpload',
  's3:GetObjectRetention',
  's3:GetObjectLegalHold',
  's3:PutObjectRetention',
  's3:PutObjectLegalHold',
] as const;

export interface TenantPolicyTargets {
  /** The single table's ARN (its indexes are `<arn>/index/*`). */
  tableArn: string;
  /** Both buckets' ARNs (objects are `<arn>/<tenant>/…`). */
  bucketArns: readonly string[];
  /** The data key that encrypts the table and the buckets; used only through DynamoDB and S3. */
  dataKeyArn?: string;
  /** The region, for the key's `kms:ViaService` condition. */
  region?: string;
}

export interface PolicyStatementJson {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocumentJson {
  Version: '2012-10-17';
  Statement: PolicyStatementJson[];
}

/** The tenant access role's policy (one document, every tenant through the principal tag). */
export function tenantAccessPolicy(targets: TenantPolicyTargets): PolicyDocumentJson {
  const items = [targets.tableArn, `${targets.tableArn}/index/*`];
  // ForAllValues is true on an empty set: the key must be there as well.
  const onKeys = (Sid: string, actions: readonly string[], keys: string[]): PolicyStatementJson => ({
    Sid,
    Effect: 'Allow',
    Action: [...actions],
    Resource: items,
    Condition: {
      Null: { 'dynamodb:LeadingKeys': 'false' },
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys },
    },
  });
  const statements: PolicyStatementJson[] = [
    onKeys('TenantItems', TENANT_ITEM_ACTIONS, tenantLeadingKeys(TENANT_VARIABLE)),
    onKeys('RegistryReads', REGISTRY_ACTIONS, [`${REGISTRY_KEY_PREFIX}*`]),
    {
      Sid: 'TenantObjects',
      Effect: 'Allow',
      Action: [...TENANT_OBJECT_ACTIONS],
      Resource: targets.bucketArns.map((b) => `${b}/${TENANT_VARIABLE}/*`),
    },
    {
      // Without ListBucket, S3 answers 403 rather than 404 for a missing key (the store's reads
      // tell "missing" from "refused"). A listing that names a prefix is held to the tenant's.
      Sid: 'TenantListings',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [...targets.bucketArns],
      Condition: { StringLikeIfExists: { 's3:prefix': [`${TENANT_VARIABLE}/*`] } },
    },
  ];
  if (targets.dataKeyArn) {
    const region = targets.region ?? '${aws:RequestedRegion}';
    statements.push({
      Sid: 'DataKeyThroughStorage',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: [targets.dataKeyArn],
      Condition: {
        StringEquals: {
          'kms:ViaService': [`dynamodb.${region}.amazonaws.com`, `s3.${region}.amazonaws.com`],
        },
      },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}
