import { runSimulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import {
  tenantAccessPolicy,
  tenantLeadingKeys,
  TENANT_KEY_PREFIX,
} from '../../../functions/platform/tenant-access/policy';
import { allows, type AccessRequest } from '../../../infra/local/tenant-access-check';

/**
 * The proof of issue 18's tenant-scoped credentials: the tenant access role's policy, as deployed,
 * evaluated by an IAM policy simulator for a session tagged `tenant=A`. Whatever key the code
 * asks for, IAM grants only tenant A's partitions, reads of the registries and A's objects.
 */
const ACCOUNT = '111122223333';
const TABLE = `arn:aws:dynamodb:eu-central-1:${ACCOUNT}:table/karguzar-prod-Table`;
const ATTACHMENTS = 'arn:aws:s3:::karguzar-prod-attachments';
const ARCHIVE = 'arn:aws:s3:::karguzar-prod-archive';
const DATA_KEY = `arn:aws:kms:eu-central-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const policy = tenantAccessPolicy({
  tableArn: TABLE,
  bucketArns: [ATTACHMENTS, ARCHIVE],
  dataKeyArn: DATA_KEY,
  region: 'eu-central-1',
});

const DEFAULT_KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
  ],
};

const A = 'agency-a';
const B = 'agency-b';
/** A tenant whose id starts with A's: `agency-a` must not reach `agency-ab`. */
const AB = 'agency-ab';

async function simulate(tenant: string, request: AccessRequest): Promise<string> {
  const result = await runSimulation(
    {
      request: {
        principal: `arn:aws:sts::${ACCOUNT}:assumed-role/karguzar-prod-TenantAccess/tenant-${tenant}`,
        action: request.action,
        resource: { resource: request.resource, accountId: ACCOUNT },
        contextVariables: { 'aws:PrincipalTag/tenant': tenant, ...request.context },
      },
      identityPolicies: [{ name: 'TenantAccess', policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      // The data key's default policy (CDK's): the account's IAM policies decide.
      ...(request.action.startsWith('kms:') ? { resourcePolicy: DEFAULT_KEY_POLICY } : {}),
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(JSON.stringify(result.errors));
  return result.overallResult;
}

const item = (action: string, ...keys: string[]): AccessRequest => ({
  action: `dynamodb:${action}`,
  resource: TABLE,
  context: { 'dynamodb:LeadingKeys': keys },
});
const query = (index: string, key: string): AccessRequest => ({
  action: 'dynamodb:Query',
  resource: `${TABLE}/index/${index}`,
  context: { 'dynamodb:LeadingKeys': [key] },
});
const object = (action: string, bucket: string, key: string): AccessRequest => ({
  action: `s3:${action}`,
  resource: `${bucket}/${key}`,
  context: {},
});
const bare = (tenant: string) => `${TENANT_KEY_PREFIX}${tenant}`;
const composite = (tenant: string) => `${TENANT_KEY_PREFIX}${tenant}#documentId_7f1c2a`;

/** Requests of a session of tenant A, and what IAM answers. */
const cases: Array<[string, AccessRequest, 'Allowed' | 'ImplicitlyDenied']> = [
  ["GetItem of A's bare key", item('GetItem', bare(A)), 'Allowed'],
  ["GetItem of A's composite key", item('GetItem', composite(A)), 'Allowed'],
  ["PutItem of A's key", item('PutItem', composite(A)), 'Allowed'],
  ["UpdateItem of A's key", item('UpdateItem', bare(A)), 'Allowed'],
  ["DeleteItem of A's key", item('DeleteItem', composite(A)), 'Allowed'],
  ["ConditionCheckItem of A's key", item('ConditionCheckItem', bare(A)), 'Allowed'],
  ["Query of A's partition", item('Query', bare(A)), 'Allowed'],
  ["Query of A's partition on gsi1", query('gsi1', `${bare(A)}#day_2026-12-05`), 'Allowed'],
  ["BatchGetItem of A's keys", item('BatchGetItem', bare(A), composite(A)), 'Allowed'],
  ["GetItem of B's bare key", item('GetItem', bare(B)), 'ImplicitlyDenied'],
  ["GetItem of B's composite key", item('GetItem', composite(B)), 'ImplicitlyDenied'],
  ["Query of B's bare partition", item('Query', bare(B)), 'ImplicitlyDenied'],
  ["Query of B's partition on gsi2", query('gsi2', `${bare(B)}#type_employee`), 'ImplicitlyDenied'],
  ["PutItem of B's bare key", item('PutItem', bare(B)), 'ImplicitlyDenied'],
  ["PutItem of B's composite key", item('PutItem', composite(B)), 'ImplicitlyDenied'],
  ["GetItem of AB's bare key", item('GetItem', bare(AB)), 'ImplicitlyDenied'],
  ["GetItem of AB's composite key", item('GetItem', composite(AB)), 'ImplicitlyDenied'],
  ["Query of AB's partition", item('Query', bare(AB)), 'ImplicitlyDenied'],
  ["BatchGetItem of A's and B's keys", item('BatchGetItem', bare(A), bare(B)), 'ImplicitlyDenied'],
  ['GetItem of the platform partition', item('GetItem', bare('_platform')), 'ImplicitlyDenied'],
  ['Scan of the table', { action: 'dynamodb:Scan', resource: TABLE, context: {} }, 'ImplicitlyDenied'],
  ['GetItem of a registry entry', item('GetItem', '$registry#fin_5ZX1K2P'), 'Allowed'],
  ['Query of a registry entry', item('Query', '$registry#voen_1234567891'), 'Allowed'],
  ['PutItem of a registry entry', item('PutItem', '$registry#fin_5ZX1K2P'), 'ImplicitlyDenied'],
  ['UpdateItem of a registry entry', item('UpdateItem', '$registry#fin_5ZX1K2P'), 'ImplicitlyDenied'],
  ['DeleteItem of a registry entry', item('DeleteItem', '$registry#fin_5ZX1K2P'), 'ImplicitlyDenied'],
  ["GetObject of A's attachment", object('GetObject', ATTACHMENTS, `${A}/documents/d1/c1`), 'Allowed'],
  ["GetObjectVersion of A's archive copy", object('GetObjectVersion', ARCHIVE, `${A}/archive/x`), 'Allowed'],
  ["PutObject under A's prefix", object('PutObject', ATTACHMENTS, `${A}/documents/d1/c2`), 'Allowed'],
  [
    "GetObject of B's attachment",
    object('GetObject', ATTACHMENTS, `${B}/documents/d1/c1`),
    'ImplicitlyDenied',
  ],
  [
    "GetObject of B's archive copy",
    object('GetObject', ARCHIVE, `${B}/archive/documents/d1`),
    'ImplicitlyDenied',
  ],
  ["PutObject under B's prefix", object('PutObject', ARCHIVE, `${B}/archive/x`), 'ImplicitlyDenied'],
  [
    "GetObject under AB's prefix",
    object('GetObject', ATTACHMENTS, `${AB}/documents/d1/c1`),
    'ImplicitlyDenied',
  ],
  [
    'DeleteObjectVersion of A’s object',
    object('DeleteObjectVersion', ARCHIVE, `${A}/archive/x`),
    'ImplicitlyDenied',
  ],
  [
    "a listing of B's prefix",
    { action: 's3:ListBucket', resource: ATTACHMENTS, context: { 's3:prefix': `${B}/documents/` } },
    'ImplicitlyDenied',
  ],
  [
    "a listing of A's prefix",
    { action: 's3:ListBucket', resource: ATTACHMENTS, context: { 's3:prefix': `${A}/documents/` } },
    'Allowed',
  ],
  [
    'the data key through S3',
    {
      action: 'kms:Decrypt',
      resource: DATA_KEY,
      context: { 'kms:ViaService': 's3.eu-central-1.amazonaws.com' },
    },
    'Allowed',
  ],
  ['the data key directly', { action: 'kms:Decrypt', resource: DATA_KEY, context: {} }, 'ImplicitlyDenied'],
];

describe('the tenant access role policy, for a session tagged tenant=A (IAM simulator)', () => {
  it.each(cases)('%s', async (_name, request, expected) => {
    expect(await simulate(A, request)).toBe(expected);
  });

  it("names a tenant's partitions by its bare key and its composite keys only", () => {
    expect(tenantLeadingKeys('a')).toEqual(['$karguzar#tenantId_a', '$karguzar#tenantId_a#*']);
  });
});

describe("the embedded default's evaluator of the same policy", () => {
  it.each(cases)('answers as the simulator: %s', (_name, request, expected) => {
    expect(allows(policy, request, A)).toBe(expected === 'Allowed');
  });

  it('answers as the simulator for another tenant too', async () => {
    for (const [, request] of cases)
      expect(allows(policy, request, B), JSON.stringify(request)).toBe(
        (await simulate(B, request)) === 'Allowed',
      );
  });
});
