import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SecretsManagerOriginSecrets } from '../../../../functions/platform/adapters/secrets/origin-secrets.adapter';
import { createGroupHandler, type EdgeGuard } from '../../../../functions/platform/http/group-handler';
import { ORIGIN_HEADER, originAccepted } from '../../../../functions/platform/http/origin-guard';
import type { RouteDef } from '../../../../functions/platform/http/route';
import { parseTenantLimits } from '../../../../functions/platform/http/tenant-quota';
import type { TenantQuota } from '../../../../functions/platform/ports/edge-guard.port';

const SECRET = 'c2VjcmV0LW9mLWNsb3VkZnJvbnQtb3JpZ2luLWhlYWRlcg';
const PREVIOUS = 'cHJldmlvdXMtc2VjcmV0LW9mLWNsb3VkZnJvbnQtb3JpZ2lu';

const routes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v1/things',
    group: 'system',
    operationId: 'listThings',
    summary: 'Things',
    tag: 'test',
    auth: 'jwt',
    response: z.object({ n: z.number() }),
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/api/health',
    group: 'system',
    operationId: 'health',
    summary: 'Health',
    tag: 'test',
    auth: 'public',
    response: z.object({ n: z.number() }),
    successStatus: 200,
  },
];

/** A group handler whose implementations count their calls, behind the edge guard `extra`. */
function handlerWith(extra: EdgeGuard) {
  const calls = { n: 0, resolved: 0 };
  const handler = createGroupHandler({
    group: 'system',
    routes,
    impls: {
      listThings: async () => ({ n: ++calls.n }),
      health: async () => ({ n: ++calls.n }),
    },
    http: () => ({
      verifier: {
        verify: async () => ({ sub: 'u1' }) as never,
        verifyOperator: async () => ({ subject: 'op-1', username: 'operator' }),
      },
      resolveActor: async () => {
        calls.resolved++;
        return { tenantId: 'tenant-7', employeeId: `e-${calls.resolved}`, roles: new Set() } as never;
      },
    }),
    deps: () => ({}),
    edge: () => extra,
  });
  const call = async (routeKey: string, headers: Record<string, string>) =>
    (await handler(
      {
        version: '2.0',
        routeKey,
        rawPath: routeKey.split(' ')[1],
        rawQueryString: '',
        headers: { authorization: 'Bearer token-of-u1', ...headers },
        requestContext: { http: { method: 'GET', sourceIp: '127.0.0.9' } },
        isBase64Encoded: false,
      } as unknown as APIGatewayProxyEventV2,
      { awsRequestId: 'r-1', functionName: 'karguzar-system' } as Context,
    )) as APIGatewayProxyStructuredResultV2;
  return { call, calls };
}

const secrets = (...values: string[]) => ({ accepted: async () => values });
const body = (res: APIGatewayProxyStructuredResultV2) =>
  JSON.parse(String(res.body)) as { code: string; title: string; status: number };

describe('the origin header check', () => {
  it('compares whole values only', () => {
    expect(originAccepted(SECRET, [SECRET])).toBe(true);
    expect(originAccepted(PREVIOUS, [SECRET, PREVIOUS])).toBe(true);
    expect(originAccepted(SECRET.slice(0, -1), [SECRET])).toBe(false);
    expect(originAccepted(`${SECRET}x`, [SECRET])).toBe(false);
    expect(originAccepted('', [SECRET])).toBe(false);
    expect(originAccepted(undefined, [SECRET])).toBe(false);
    expect(originAccepted('', [''])).toBe(false);
    expect(originAccepted(SECRET, [])).toBe(false);
  });

  it('refuses a request without the header with a localized 403 before anything runs', async () => {
    const { call, calls } = handlerWith({ origin: secrets(SECRET) });
    for (const [lang, title] of [
      ['az', 'Sorğu xidmətin öz ünvanından gəlməyib'],
      ['en', 'The request did not come through the service’s own address'],
      ['ru', 'Запрос пришёл не через адрес самого сервиса'],
    ] as const) {
      const res = await call('GET /api/v1/things', { 'accept-language': lang });
      expect(res.statusCode).toBe(403);
      expect(res.headers?.['content-type']).toContain('application/problem+json');
      expect(body(res)).toMatchObject({ status: 403, code: 'origin_refused', title });
    }
    // Nothing ran: no token was looked at, no implementation called (public routes included).
    expect((await call('GET /api/health', {})).statusCode).toBe(403);
    expect(calls).toEqual({ n: 0, resolved: 0 });
  });

  it('refuses a wrong, shorter, longer or empty value', async () => {
    const { call, calls } = handlerWith({ origin: secrets(SECRET) });
    for (const value of ['', 'x', SECRET.slice(1), `${SECRET}=`, SECRET.toUpperCase(), PREVIOUS])
      expect((await call('GET /api/health', { [ORIGIN_HEADER]: value })).statusCode, value).toBe(403);
    expect(calls.n).toBe(0);
  });

  it('lets the current and, during a rotation, the previous value through', async () => {
    const { call, calls } = handlerWith({ origin: secrets(SECRET, PREVIOUS) });
    expect((await call('GET /api/health', { [ORIGIN_HEADER]: SECRET })).statusCode).toBe(200);
    expect((await call('GET /api/v1/things', { 'X-Karguzar-Origin': PREVIOUS })).statusCode).toBe(200);
    expect(calls.n).toBe(2);
  });

  it('checks nothing when the setting is absent (the embedded default)', async () => {
    expect((await handlerWith({}).call('GET /api/health', {})).statusCode).toBe(200);
    expect((await handlerWith({ origin: secrets() }).call('GET /api/health', {})).statusCode).toBe(200);
  });
});

describe('the origin secret read from Secrets Manager', () => {
  type Sent = { input: { SecretId: string; VersionStage: string } };
  const client = (versions: Record<string, string>, failing = { now: false }) => {
    const sent: string[] = [];
    return {
      sent,
      failing,
      send: async (command: Sent) => {
        sent.push(command.input.VersionStage);
        if (failing.now) throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
        const value = versions[command.input.VersionStage];
        if (value === undefined)
          throw Object.assign(new Error('no such version'), { name: 'ResourceNotFoundException' });
        return { SecretString: value };
      },
    };
  };

  it('accepts the current and the previous version, and only the current one before any rotation', async () => {
    let now = 0;
    const fresh = client({ AWSCURRENT: SECRET });
    expect(await new SecretsManagerOriginSecrets(fresh as never, 'arn:secret', () => now).accepted()).toEqual(
      [SECRET],
    );
    const rotated = client({ AWSCURRENT: SECRET, AWSPREVIOUS: PREVIOUS });
    const source = new SecretsManagerOriginSecrets(rotated as never, 'arn:secret', () => now);
    expect(await source.accepted()).toEqual([SECRET, PREVIOUS]);
    // Read again only after five minutes; a failed refresh keeps what was read.
    now = 4 * 60_000;
    await source.accepted();
    expect(rotated.sent).toHaveLength(2);
    now = 6 * 60_000;
    rotated.failing.now = true;
    expect(await source.accepted()).toEqual([SECRET, PREVIOUS]);
    expect(rotated.sent).toHaveLength(4);
  });

  it('fails rather than letting requests through when nothing could be read', async () => {
    const broken = client({}, { now: true });
    await expect(new SecretsManagerOriginSecrets(broken as never, 'arn:secret').accepted()).rejects.toThrow();
  });
});

describe('the tenant quota in the HTTP layer', () => {
  /** A quota of `limit` requests that counts in memory (the DynamoDB one: test/integration). */
  const quota = (limit: number) => {
    const taken: string[] = [];
    const q: TenantQuota = {
      take: async (tenantId) => {
        taken.push(tenantId);
        const used = taken.filter((t) => t === tenantId).length;
        return {
          allowed: used <= limit,
          limit,
          used: Math.min(used, limit),
          windowSeconds: 60,
          resetSeconds: 42,
        };
      },
    };
    return { q, taken };
  };

  it('counts requests with a tenant and answers 429 with Retry-After once the agency is over', async () => {
    const { q, taken } = quota(2);
    const { call, calls } = handlerWith({ tenantQuota: q });
    const first = await call('GET /api/v1/things', {});
    expect(first.statusCode).toBe(200);
    expect(first.headers).toMatchObject({ 'ratelimit-limit': '2', 'ratelimit-remaining': '1' });
    expect((await call('GET /api/v1/things', {})).statusCode).toBe(200);
    const refused = await call('GET /api/v1/things', { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers).toMatchObject({
      'retry-after': '42',
      'ratelimit-remaining': '0',
      'ratelimit-policy': '2;w=60',
    });
    expect(body(refused)).toMatchObject({ code: 'tenant_rate_exceeded', status: 429 });
    expect(calls.n).toBe(2);
    // Routes without a tenant are not counted.
    expect((await call('GET /api/health', {})).statusCode).toBe(200);
    expect(taken).toEqual(['tenant-7', 'tenant-7', 'tenant-7']);
  });

  it('reads agencies’ own limits as a JSON object, refusing anything else', () => {
    expect(parseTenantLimits(undefined)).toEqual({});
    expect(parseTenantLimits(' ')).toEqual({});
    expect(parseTenantLimits('{"tenant-7": 12000}')).toEqual({ 'tenant-7': 12000 });
    for (const bad of ['[1]', '{"t": 0}', '{"t": "x"}', '{"t": 1.5}', 'null'])
      expect(() => parseTenantLimits(bad), bad).toThrow('TENANT_RATE_LIMITS');
  });
});
