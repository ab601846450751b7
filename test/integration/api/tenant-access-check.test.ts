import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { DynamoRegistry } from '../../../functions/modules/citizen-registries';
import { inTenant } from '../../../functions/platform/tenant-access/context';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { LOCAL_AWS_CREDENTIALS } from '../../../infra/local/services/common';
import { attachTenantAccessCheck } from '../../../infra/local/tenant-access-check';

/**
 * The embedded default's stand-in for the tenant-scoped credentials, on its real DynamoDB Local:
 * the stores used inside tenant A's context reach A's partitions and read the registries, and are
 * refused B's partitions and registry writes as AWS refuses them; outside a tenant nothing changes.
 */
const baseUrl = inject('baseUrl');
/** DynamoDB's refusal, as the store passes it on (ElectroDB wraps the client's error as its cause). */
const refused = (error: { name?: string; cause?: { name?: string } }) =>
  (error.cause?.name ?? error.name) === 'AccessDeniedException';
let store: DynamoAggregateStore;
let registry: DynamoRegistry;
const refusals: Array<Record<string, unknown>> = [];

const uniq = Math.random().toString(36).slice(2, 8);
const A = `check-a-${uniq}`;
const B = `check-b-${uniq}`;
const now = new Date().toISOString();
const position = (tenantId: string) => ({
  id: `p-${uniq}`,
  tenantId,
  version: 1,
  createdAt: now,
  updatedAt: now,
  title: { az: 'Vəzifə', en: 'Position', ru: 'Должность' },
});

beforeAll(async () => {
  const port = Number(new URL(baseUrl).port);
  const client = new DynamoDBClient({
    region: 'eu-central-1',
    endpoint: `http://127.0.0.1:${port + 1}`,
    credentials: { ...LOCAL_AWS_CREDENTIALS },
  });
  attachTenantAccessCheck(client, TABLE_NAME, (detail) => refusals.push(detail));
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  store = new DynamoAggregateStore(doc, TABLE_NAME);
  registry = new DynamoRegistry(doc, TABLE_NAME);
  // Written outside any tenant context (the function's own role): both tenants' items.
  for (const tenantId of [A, B])
    await store.create('position', position(tenantId), { actorId: 'system', sortKey: 'x' });
});

describe('the tenant access check of the embedded default', () => {
  it('lets tenant A read and write its own partitions (table and index)', async () => {
    await inTenant(A, async () => {
      expect((await store.get('position', A, `p-${uniq}`))?.id).toBe(`p-${uniq}`);
      expect((await store.list('position', A, { limit: 10 })).items.map((p) => p.id)).toContain(`p-${uniq}`);
      await store.create('position', { ...position(A), id: `p2-${uniq}` }, { actorId: 'e', sortKey: 'y' });
    });
    expect(refusals).toEqual([]);
  });

  it("refuses tenant B's item, list and write inside tenant A's context, as AWS does", async () => {
    await inTenant(A, async () => {
      await expect(store.get('position', B, `p-${uniq}`)).rejects.toSatisfy(refused);
      await expect(store.list('position', B, { limit: 10 })).rejects.toSatisfy(refused);
      await expect(
        store.create('position', { ...position(B), id: `p3-${uniq}` }, { actorId: 'e', sortKey: 'z' }),
      ).rejects.toSatisfy(refused);
    });
    expect(refusals.map((r) => r.action)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      // The first item of the transaction (the aggregate's put): one refusal refuses all of it.
      'dynamodb:PutItem',
    ]);
    // Nothing was written for B.
    expect(await store.get('position', B, `p3-${uniq}`)).toBeUndefined();
  });

  it('lets tenant A read the registries but not change them', async () => {
    refusals.length = 0;
    await inTenant(A, async () => {
      await registry.person('AAAAAAA');
      await expect(
        registry.putPersons([
          { fin: 'AAAAAAA', surname: 'X', name: 'Y', birthDate: '1990-01-01', address: 'Bakı' },
        ]),
      ).rejects.toSatisfy(refused);
    });
    expect(refusals.length).toBeGreaterThan(0);
  });

  it("changes nothing outside a tenant's context", async () => {
    expect((await store.get('position', B, `p-${uniq}`))?.id).toBe(`p-${uniq}`);
  });
});
