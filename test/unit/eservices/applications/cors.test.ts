import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createGroupHandler } from '../../../../functions/platform/http/group-handler';
import type { RouteDef } from '../../../../functions/platform/http/route';

const routes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/public/v1/agencies/{agency}/applications/status',
    group: 'eservices',
    operationId: 'status',
    summary: 'Status',
    tag: 'test',
    auth: 'public',
    body: z.object({ n: z.number() }),
    response: z.object({ n: z.number() }),
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/api/v1/eservices',
    group: 'eservices',
    operationId: 'admin',
    summary: 'Admin',
    tag: 'test',
    auth: 'jwt',
    response: z.object({ n: z.number() }),
    successStatus: 200,
  },
];

const handler = createGroupHandler({
  group: 'eservices',
  routes,
  impls: { status: async () => ({ n: 1 }), admin: async () => ({ n: 2 }) },
  http: () => ({
    verifier: { verify: async () => ({}) as never, verifyOperator: async () => ({}) as never },
    resolveActor: async () => ({ tenantId: 't1', employeeId: 'e1', roles: new Set() }) as never,
  }),
  deps: () => ({}),
});

const call = async (routeKey: string, body?: string, headers: Record<string, string> = {}) =>
  (await handler(
    {
      version: '2.0',
      routeKey,
      rawPath: routeKey.split(' ')[1],
      rawQueryString: '',
      headers: { origin: 'https://portal.example.org', 'content-type': 'application/json', ...headers },
      pathParameters: { agency: 'demo1' },
      requestContext: { http: { method: routeKey.split(' ')[0], sourceIp: '127.0.0.9' } },
      ...(body ? { body } : {}),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2,
    { awsRequestId: 'r-1', functionName: 'karguzar-eservices' } as Context,
  )) as APIGatewayProxyStructuredResultV2;

describe('CORS of the public API', () => {
  it('answers the preflight of a public path for any origin, without credentials', async () => {
    const res = await call('OPTIONS /api/public/v1/agencies/{agency}/applications/status');
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, accept-language, idempotency-key',
    });
    expect(res.headers?.['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets any origin read the public answers, problems included; other routes keep the web app’s origin', async () => {
    expect(
      (await call('POST /api/public/v1/agencies/{agency}/applications/status', '{"n":1}')).headers,
    ).toMatchObject({
      'access-control-allow-origin': '*',
    });
    const problem = await call('POST /api/public/v1/agencies/{agency}/applications/status', '{"n":"x"}');
    expect(problem.statusCode).toBe(422);
    expect(problem.headers?.['access-control-allow-origin']).toBe('*');
    const admin = await call('GET /api/v1/eservices', undefined, { authorization: 'Bearer t' });
    expect(admin.headers?.['access-control-allow-origin']).not.toBe('*');
    expect((await call('OPTIONS /api/v1/eservices')).statusCode).toBe(404);
  });
});
