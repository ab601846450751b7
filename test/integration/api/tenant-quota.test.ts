import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { DynamoTenantQuota } from '../../../functions/platform/adapters/dynamodb/tenant-quota.adapter';
import { createGroupHandler } from '../../../functions/platform/http/group-handler';
import type { RouteDef } from '../../../functions/platform/http/route';
import { resetConfig } from '../../../functions/wiring/config';
import { edgeGuard } from '../../../functions/wiring/http-deps';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { tableClientOf } from '../../support/table';

/**
 * The agencies' shared quota against DynamoDB Local (the embedded default's table): two quota
 * objects stand for two Lambda containers, which share one window per tenant; a refused request
 * changes nothing, neither the counter nor what the route would have written.
 */
const baseUrl = inject('baseUrl');
const client = tableClientOf(baseUrl);
/** A fixed instant in the middle of a minute, far from today (quotas use wall-clock time in AWS). */
const T0 = Date.UTC(2031, 2, 14, 9, 26, 30);
const pk = (tenantId: string) => `$karguzar#tenantId_${tenantId}`;

/** Two containers' quotas of `limit` per minute (`limits` by agency) on the same table, at `clock.now`. */
function containers(limit: number, clock: { now: number }, limits: Record<string, number> = {}) {
  const make = () => new DynamoTenantQuota(client, TABLE_NAME, { limit, limits, now: () => clock.now });
  return [make(), make()] as const;
}

async function counters(tenantId: string) {
  const out = await client.send(
    new QueryCommand({
      TableName: TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': pk(tenantId), ':sk': '$tenantQuota' },
    }),
  );
  return (out.Items ?? []) as Array<Record<string, unknown>>;
}

describe('the tenant quota in the table', () => {
  it('is one window shared by two containers, refused past the limit without counting', async () => {
    const tenant = `quota-${randomUUID()}`;
    const clock = { now: T0 };
    const [a, b] = containers(5, clock);
    const seen: Array<[boolean, number]> = [];
    for (const container of [a, b, a, b, a, b, a]) {
      const rate = await container.take(tenant);
      seen.push([rate.allowed, rate.limit - rate.used]);
    }
    expect(seen).toEqual([
      [true, 4],
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    const refused = await b.take(tenant);
    expect(refused).toEqual({ allowed: false, limit: 5, used: 5, windowSeconds: 60, resetSeconds: 30 });

    // One item in the tenant's own partition, the refused requests not counted, with its TTL.
    const items = await counters(tenant);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      pk: pk(tenant),
      sk: '$tenantQuota_1#window_2031-03-14T09:26:00.000Z',
      tenantId: tenant,
      count: 5,
      ttl: Date.UTC(2031, 2, 14, 9, 27, 0) / 1000 + 3600,
      __edb_e__: 'tenantQuota',
    });

    // The next window starts afresh, for both containers.
    clock.now = T0 + 60_000;
    expect((await b.take(tenant)).allowed).toBe(true);
    expect((await a.take(tenant)).used).toBe(2);
    expect(await counters(tenant)).toHaveLength(2);
  });

  it('keeps agencies apart and gives an agency its own limit', async () => {
    const clock = { now: T0 };
    const one = `quota-${randomUUID()}`;
    const other = `quota-${randomUUID()}`;
    const big = `quota-${randomUUID()}`;
    const [a, b] = containers(1, clock, { [big]: 3 });
    expect((await a.take(one)).allowed).toBe(true);
    expect((await b.take(one)).allowed).toBe(false);
    expect((await b.take(other)).allowed).toBe(true);
    const bigs = [];
    for (const container of [a, b, a, b]) bigs.push((await container.take(big)).allowed);
    expect(bigs).toEqual([true, true, true, false]);
    expect((await counters(big))[0]?.count).toBe(3);
  });

  it('answers 429 from a second container’s handler and runs nothing of the route', async () => {
    const tenant = `quota-${randomUUID()}`;
    const clock = { now: T0 };
    const routes: RouteDef[] = [
      {
        method: 'POST',
        path: '/api/v1/marks',
        group: 'system',
        operationId: 'mark',
        summary: 'Mark',
        tag: 'test',
        auth: 'jwt',
        response: z.object({ n: z.number() }),
        successStatus: 201,
      },
    ];
    let written = 0;
    /** One Lambda container: its handler with its own quota object on the shared table. */
    const container = (quota: DynamoTenantQuota) =>
      createGroupHandler({
        group: 'system',
        routes,
        impls: {
          mark: async () => {
            written++;
            await client.send(
              new PutCommand({ TableName: TABLE_NAME, Item: { pk: pk(tenant), sk: `mark#${written}` } }),
            );
            return { n: written };
          },
        },
        http: () => ({
          verifier: { verify: async () => ({}) as never, verifyOperator: async () => ({}) as never },
          resolveActor: async () => ({ tenantId: tenant, employeeId: 'e-1', roles: new Set() }) as never,
        }),
        deps: () => ({}),
        edge: () => ({ tenantQuota: quota }),
      });
    const [qa, qb] = containers(2, clock);
    const [ha, hb] = [container(qa), container(qb)];
    const post = async (handler: typeof ha) =>
      (await handler(
        {
          version: '2.0',
          routeKey: 'POST /api/v1/marks',
          rawPath: '/api/v1/marks',
          rawQueryString: '',
          headers: { authorization: 'Bearer t', 'accept-language': 'ru' },
          requestContext: { http: { method: 'POST', sourceIp: '127.0.0.7' } },
          isBase64Encoded: false,
        } as unknown as APIGatewayProxyEventV2,
        { awsRequestId: randomUUID(), functionName: 'karguzar-system' } as Context,
      )) as APIGatewayProxyStructuredResultV2;

    expect((await post(ha)).statusCode).toBe(201);
    expect((await post(hb)).statusCode).toBe(201);
    const refused = await post(ha);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers).toMatchObject({ 'retry-after': '30', 'ratelimit-remaining': '0' });
    expect(JSON.parse(String(refused.body))).toMatchObject({
      status: 429,
      code: 'tenant_rate_exceeded',
      title: 'Лимит запросов организации на эту минуту исчерпан; повторите попытку позже',
    });
    expect((await post(hb)).statusCode).toBe(429);

    // Nothing of the refused requests: two marks, the counter at the limit.
    expect(written).toBe(2);
    const third = await client.send(
      new GetCommand({ TableName: TABLE_NAME, Key: { pk: pk(tenant), sk: 'mark#3' } }),
    );
    expect(third.Item).toBeUndefined();
    expect((await counters(tenant)).map((i) => i.count)).toEqual([2]);
  });

  it('is what every route group gets from the wiring: the env limits, no origin check without the secret', async () => {
    // Agencies with a limit of their own; a few, in case a window of the wall clock ends mid-test.
    const own = Array.from({ length: 3 }, () => `quota-${randomUUID()}`);
    Object.assign(process.env, {
      TABLE_NAME,
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${Number(new URL(baseUrl).port) + 1}`,
      OIDC_ISSUER: `${baseUrl}/oidc`,
      OIDC_AUDIENCE: 'karguzar-api',
      TENANT_RATE_PER_MINUTE: '2',
      TENANT_RATE_LIMITS: JSON.stringify(Object.fromEntries(own.map((id) => [id, 3]))),
    });
    delete process.env.ORIGIN_SECRET_ARN;
    resetConfig();
    const guard = edgeGuard();
    expect(guard.origin).toBeUndefined();
    const quota = guard.tenantQuota;
    if (!quota) throw new Error('the wiring gives every route group a tenant quota');
    /** The answers to `n` requests of one of `agencies` (unused), all in one window of the wall clock. */
    const answers = async (n: number, agencies: string[]) => {
      for (const tenantId of agencies) {
        const window = Math.floor(Date.now() / 60_000);
        const out: boolean[] = [];
        for (let i = 0; i < n; i++) out.push((await quota.take(tenantId)).allowed);
        if (Math.floor(Date.now() / 60_000) === window) return out;
      }
      throw new Error('every try crossed a minute');
    };
    const fresh = Array.from({ length: 3 }, () => `quota-${randomUUID()}`);
    expect(await answers(3, fresh)).toEqual([true, true, false]);
    expect(await answers(4, own)).toEqual([true, true, true, false]);
  });
});
