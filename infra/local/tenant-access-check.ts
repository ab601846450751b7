import { DynamoDBServiceException, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { currentTenant } from '../../functions/platform/tenant-access/context';
import {
  TENANT_TAG,
  tenantAccessPolicy,
  type PolicyDocumentJson,
  type PolicyStatementJson,
} from '../../functions/platform/tenant-access/policy';
import { tableDefinition } from '../../functions/platform/adapters/dynamodb/table-definition';

/**
 * The embedded default's stand-in for the tenant-scoped credentials of AWS (issue 18): every
 * DynamoDB request made inside a tenant context is evaluated against the tenant access role's own
 * policy (the one deployed) with the principal tag `tenant=<tenantId>`, and refused as AWS would
 * refuse it (AccessDeniedException). A use case that touches another partition than its tenant's
 * (or the registries' for reading) fails in the ordinary test suite, not first in production.
 *
 * The evaluator below knows exactly what that policy uses (Allow statements, actions and
 * resources with wildcards, `Null`, `StringLike`, `StringLikeIfExists`, `StringEquals`, their
 * `ForAllValues:` forms, principal-tag variables) and refuses any other condition; its answers are
 * held to the IAM simulator's by test/unit/platform/tenant-access-policy.test.ts.
 */

/** One authorization of a request: the action, its resource and its context keys. */
export interface AccessRequest {
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
}

const ACCOUNT = '000000000000';
const REGION = 'eu-central-1';

/** The local table's ARN (the ARN form AWS checks; only the name is real). */
export const localTableArn = (table: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${table}`;

/** `*` and `?` of a StringLike pattern (or an ARN in a policy), everything else literal. */
function likePattern(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${body}$`, 's');
}

const patterns = new Map<string, RegExp>();
function like(value: string, pattern: string): boolean {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = likePattern(pattern)));
  return re.test(value);
}

/** Policy variables (`${aws:PrincipalTag/tenant}`) replaced by the request's values. */
function substitute(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => variables[name] ?? whole);
}

function conditionHolds(
  operator: string,
  key: string,
  expected: string | string[],
  context: AccessRequest['context'],
  variables: Record<string, string>,
): boolean {
  const wanted = (Array.isArray(expected) ? expected : [expected]).map((e) => substitute(e, variables));
  const present = context[key];
  const values = present === undefined ? [] : Array.isArray(present) ? present : [present];
  if (operator === 'Null') {
    const isNull = values.length === 0;
    return wanted.every((w) => (w === 'true' ? isNull : !isNull));
  }
  const forAll = operator.startsWith('ForAllValues:');
  const ifExists = operator.endsWith('IfExists');
  const base = operator.replace(/^ForAllValues:/, '').replace(/IfExists$/, '');
  const test =
    base === 'StringLike'
      ? (v: string) => wanted.some((w) => like(v, w))
      : base === 'StringEquals'
        ? (v: string) => wanted.includes(v)
        : undefined;
  if (!test) throw new Error(`The local tenant check does not evaluate ${operator}`);
  if (forAll) return values.every(test);
  if (values.length === 0) return ifExists;
  return values.some(test);
}

function statementAllows(
  statement: PolicyStatementJson,
  request: AccessRequest,
  variables: Record<string, string>,
): boolean {
  if (!statement.Action.some((a) => like(request.action, a))) return false;
  if (!statement.Resource.some((r) => like(request.resource, substitute(r, variables)))) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) =>
      conditionHolds(operator, key, expected, request.context, variables),
    ),
  );
}

/** Whether an identity policy of Allow statements allows the request of a session tagged `tenant`. */
export function allows(policy: PolicyDocumentJson, request: AccessRequest, tenant: string): boolean {
  const variables = { [`aws:PrincipalTag/${TENANT_TAG}`]: tenant };
  for (const statement of policy.Statement)
    if (statement.Effect !== 'Allow')
      throw new Error('The local tenant check evaluates Allow statements only');
  return policy.Statement.some((s) => statementAllows(s, request, variables));
}

type Input = Record<string, unknown>;
type Item = Record<string, AttributeValue>;

const definition = tableDefinition('table');
/** The partition key attribute of the table (no index) and of each index. */
const HASH_KEYS = new Map<string | undefined, string>([
  [undefined, definition.KeySchema!.find((k) => k.KeyType === 'HASH')!.AttributeName!],
  ...(definition.GlobalSecondaryIndexes ?? []).map(
    (i) => [i.IndexName, i.KeySchema!.find((k) => k.KeyType === 'HASH')!.AttributeName!] as const,
  ),
]);

function hashOf(item: Item | undefined): string[] {
  const value = item?.[HASH_KEYS.get(undefined)!];
  return value?.S !== undefined ? [value.S] : [];
}

/** The partition key value a query names (`#pk = :pk` in its key condition). */
function queriedHash(input: Input): string[] {
  const attribute = HASH_KEYS.get(input.IndexName as string | undefined);
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Item;
  const condition = String(input.KeyConditionExpression ?? '');
  for (const m of condition.matchAll(/([#\w.]+)\s*=\s*(:[\w]+)/g)) {
    const name = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
    const value = values[m[2]!]?.S;
    if (name === attribute && value !== undefined) return [value];
  }
  return [];
}

/** Every authorization AWS makes for one DynamoDB request (item actions; others by their name). */
export function accessRequests(
  command: string,
  input: Input,
  tableArnOf: (t: string) => string,
): AccessRequest[] {
  const action = `dynamodb:${command.replace(/Command$/, '')}`;
  const keyed = (name: string, table: unknown, keys: string[], index?: unknown): AccessRequest => ({
    action: name,
    resource: `${tableArnOf(String(table))}${index ? `/index/${String(index)}` : ''}`,
    context: keys.length > 0 ? { 'dynamodb:LeadingKeys': keys } : {},
  });
  switch (command) {
    case 'GetItemCommand':
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return [keyed(action, input.TableName, hashOf(input.Key as Item))];
    case 'PutItemCommand':
      return [keyed(action, input.TableName, hashOf(input.Item as Item))];
    case 'QueryCommand':
      return [keyed(action, input.TableName, queriedHash(input), input.IndexName)];
    case 'ScanCommand':
      return [keyed(action, input.TableName, [], input.IndexName)];
    case 'BatchGetItemCommand':
      return Object.entries((input.RequestItems ?? {}) as Record<string, { Keys?: Item[] }>).map(([t, r]) =>
        keyed(action, t, (r.Keys ?? []).flatMap(hashOf)),
      );
    case 'BatchWriteItemCommand':
      return Object.entries((input.RequestItems ?? {}) as Record<string, Input[]>).map(([t, list]) =>
        keyed(
          action,
          t,
          list.flatMap((r) =>
            hashOf(((r.PutRequest as Input)?.Item ?? (r.DeleteRequest as Input)?.Key) as Item),
          ),
        ),
      );
    case 'TransactGetItemsCommand':
      return ((input.TransactItems ?? []) as Input[]).map((t) => {
        const get = t.Get as Input;
        return keyed('dynamodb:GetItem', get.TableName, hashOf(get.Key as Item));
      });
    case 'TransactWriteItemsCommand':
      return ((input.TransactItems ?? []) as Input[]).map((t) => {
        const [kind, part] = Object.entries(t)[0] as [string, Input];
        const name = {
          Put: 'PutItem',
          Update: 'UpdateItem',
          Delete: 'DeleteItem',
          ConditionCheck: 'ConditionCheckItem',
        }[kind];
        return keyed(`dynamodb:${name ?? kind}`, part.TableName, hashOf((part.Item ?? part.Key) as Item));
      });
    case 'ExecuteStatementCommand':
    case 'BatchExecuteStatementCommand':
    case 'ExecuteTransactionCommand':
      // PartiQL: the request path never uses it, and the policy grants none of its actions.
      return [
        {
          action: 'dynamodb:PartiQLSelect',
          resource: tableArnOf(String(input.TableName ?? '')),
          context: {},
        },
      ];
    default:
      // Control-plane calls (the embedded default's own DescribeTable) are no tenant data.
      return [];
  }
}

/** Counts of what the check did (for the report of its cost and for tests). */
export const tenantCheckStats = { evaluated: 0, refused: 0 };

/**
 * Adds the check to the embedded default's DynamoDB client: requests made inside a tenant context
 * are allowed or refused as the tenant access role's session would be.
 */
export function attachTenantAccessCheck(
  client: DynamoDBClient,
  table: string,
  onRefusal?: (detail: Record<string, unknown>) => void,
): void {
  const tableArn = localTableArn(table);
  const policy = tenantAccessPolicy({ tableArn, bucketArns: [] });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const tenant = currentTenant();
      if (tenant === undefined) return next(args);
      const command = context.commandName ?? '';
      for (const request of accessRequests(command, args.input as Input, localTableArn)) {
        tenantCheckStats.evaluated++;
        if (allows(policy, request, tenant)) continue;
        tenantCheckStats.refused++;
        const detail = {
          tenant,
          action: request.action,
          resource: request.resource,
          leadingKeys: request.context['dynamodb:LeadingKeys'] ?? [],
        };
        onRefusal?.(detail);
        throw new DynamoDBServiceException({
          name: 'AccessDeniedException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/TenantAccess/tenant-${tenant} is not authorized to perform: ${request.action} on resource: ${request.resource} because no identity-based policy allows the ${request.action} action`,
        });
      }
      return next(args);
    },
    // At build, the document clients' input is marshalled; before the write journal (normal priority).
    { step: 'build', priority: 'high', name: 'karguzarTenantAccessCheck' },
  );
}
