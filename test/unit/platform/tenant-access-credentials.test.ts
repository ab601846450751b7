import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { describe, expect, it } from 'vitest';
import { currentTenant, inTenant, outsideTenant } from '../../../functions/platform/tenant-access/context';
import {
  RENEW_BEFORE_MS,
  sessionName,
  TenantCredentials,
  type AssumeRole,
} from '../../../functions/platform/tenant-access/credentials';
import { PerTenant, routedByTenant } from '../../../functions/platform/tenant-access/routing';

const HOUR = 3_600_000;

/** STS, as the cache sees it: every AssumeRole answered with a new key valid for an hour from `now`. */
function fakeSts(now: () => number) {
  const calls: Parameters<AssumeRole>[0][] = [];
  let failNext = false;
  const assumeRole: AssumeRole = async (input) => {
    calls.push(input);
    await Promise.resolve();
    if (failNext) {
      failNext = false;
      throw new Error('throttled');
    }
    return {
      Credentials: {
        AccessKeyId: `AKIA${calls.length}`,
        SecretAccessKey: 'secret',
        SessionToken: `token-${input.Tags[0]!.Value}-${calls.length}`,
        Expiration: new Date(now() + HOUR),
      },
    };
  };
  return { calls, assumeRole, failNextCall: () => (failNext = true) };
}

describe('tenant credentials', () => {
  const roleArn = 'arn:aws:iam::111122223333:role/karguzar-prod-TenantAccess';

  it('assume the role with the tenant as session tag and name, for an hour', async () => {
    const now = 1_000_000;
    const sts = fakeSts(() => now);
    const cache = new TenantCredentials({ roleArn, assumeRole: sts.assumeRole, now: () => now });
    const credentials = await cache.get('agency-a');
    expect(sts.calls).toEqual([
      {
        RoleArn: roleArn,
        RoleSessionName: 'tenant-agency-a',
        DurationSeconds: 3600,
        Tags: [{ Key: 'tenant', Value: 'agency-a' }],
      },
    ]);
    expect(credentials).toMatchObject({ accessKeyId: 'AKIA1', sessionToken: 'token-agency-a-1' });
  });

  it('are kept per tenant until five minutes before they expire', async () => {
    let now = 1_000_000;
    const sts = fakeSts(() => now);
    const cache = new TenantCredentials({ roleArn, assumeRole: sts.assumeRole, now: () => now });
    const [a1, a2, b1] = await Promise.all([cache.get('a'), cache.get('a'), cache.get('b')]);
    expect(a1).toBe(a2);
    expect(b1.sessionToken).toBe('token-b-2');
    now += HOUR - RENEW_BEFORE_MS - 1;
    expect(await cache.get('a')).toBe(a1);
    now += 2;
    const a3 = await cache.get('a');
    expect(a3).not.toBe(a1);
    expect(sts.calls.map((c) => c.Tags[0]!.Value)).toEqual(['a', 'b', 'a']);
  });

  it('keep no failed AssumeRole', async () => {
    const now = 1_000_000;
    const sts = fakeSts(() => now);
    const cache = new TenantCredentials({ roleArn, assumeRole: sts.assumeRole, now: () => now });
    sts.failNextCall();
    await expect(cache.get('a')).rejects.toThrow('throttled');
    expect((await cache.get('a')).accessKeyId).toBe('AKIA2');
  });

  it('hold a bounded number of tenants, dropping the least recently used', async () => {
    const now = 1_000_000;
    const sts = fakeSts(() => now);
    const cache = new TenantCredentials({
      roleArn,
      assumeRole: sts.assumeRole,
      now: () => now,
      maxTenants: 2,
    });
    await cache.get('a');
    await cache.get('b');
    await cache.get('a');
    await cache.get('c');
    expect(cache.size).toBe(2);
    await cache.get('a');
    expect(sts.calls.length).toBe(3);
    await cache.get('b');
    expect(sts.calls.length).toBe(4);
  });

  it('name sessions as STS allows', () => {
    expect(sessionName('ministry:tax.gov')).toBe('tenant-ministry_tax.gov');
    expect(sessionName('x'.repeat(100))).toHaveLength(64);
  });
});

describe('routing by tenant', () => {
  /** A document client whose `send` answers which client it is (no network). */
  function namedClient(name: string) {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1' }));
    client.send = (async (command: { input: unknown }) => ({
      Item: { pk: 'x', sk: 'y', name, __edb_e__: 'thing', __edb_v__: '1', id: name },
      $input: command.input,
    })) as never;
    return client;
  }

  it("sends a tenant's requests through its own client and everything else through the process's", async () => {
    const built: string[] = [];
    const tenants = new PerTenant((tenantId) => (built.push(tenantId), namedClient(tenantId)));
    const client = routedByTenant(namedClient('own'), tenants);
    // ElectroDB takes the routing client as any v3 document client and calls its `send` each time.
    const thing = new Entity(
      {
        model: { service: 'karguzar', entity: 'thing', version: '1' },
        attributes: { tenantId: { type: 'string', required: true }, id: { type: 'string', required: true } },
        indexes: {
          primary: {
            pk: { field: 'pk', composite: ['tenantId'] },
            sk: { field: 'sk', composite: ['id'] },
          },
        },
      },
      { client, table: 't' },
    );
    const read = async () => (await thing.get({ tenantId: 'a', id: '1' }).go()).data?.id;
    expect(await read()).toBe('own');
    expect(await inTenant('agency-a', read)).toBe('agency-a');
    expect(await inTenant('agency-b', async () => [currentTenant(), await read()])).toEqual([
      'agency-b',
      'agency-b',
    ]);
    expect(await inTenant('agency-a', read)).toBe('agency-a');
    // The platform's own bookkeeping, named as such, leaves the tenant for the process's client.
    expect(await inTenant('agency-a', () => outsideTenant(read))).toBe('own');
    expect(await read()).toBe('own');
    expect(built).toEqual(['agency-a', 'agency-b']);
  });

  it('keeps a bounded number of tenant clients', () => {
    const tenants = new PerTenant((tenantId) => ({ tenantId }), 2);
    const a = tenants.get('a');
    tenants.get('b');
    expect(tenants.get('a')).toBe(a);
    tenants.get('c');
    expect(tenants.size).toBe(2);
    expect(tenants.get('a')).toBe(a);
    expect(tenants.get('b')).not.toBeUndefined();
  });
});
