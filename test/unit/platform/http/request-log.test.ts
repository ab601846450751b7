import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGroupHandler, type RequestContext } from '../../../../functions/platform/http/group-handler';
import type { RouteDef } from '../../../../functions/platform/http/route';
import { logger } from '../../../../functions/platform/observability/logger';
import { captureOutput } from '../../../support/output';

const routes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v1/things/{id}',
    group: 'system',
    operationId: 'getThing',
    summary: 'A thing',
    tag: 'test',
    auth: 'jwt',
    params: z.object({ id: z.string() }),
    response: z.object({ id: z.string() }),
    successStatus: 200,
  },
];

const handler = createGroupHandler({
  group: 'system',
  routes,
  impls: {
    getThing: async (ctx: RequestContext) => {
      if (ctx.params.id === 'broken') throw new Error('Lookup of ali@example.az (FİN 5ZR8K3P) hit a bug');
      return { id: String(ctx.params.id), owner: 'Əli Məmmədov' };
    },
  },
  http: () => ({
    verifier: {
      verify: async () => ({ sub: 'u1' }) as never,
      verifyOperator: async () => ({ subject: 'op-1', username: 'operator' }),
    },
    resolveActor: async () => ({ tenantId: 'tenant-7', employeeId: 'e-1', roles: new Set() }) as never,
  }),
  deps: () => ({}),
});

const request = (id: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /api/v1/things/{id}',
    rawPath: `/api/v1/things/${id}`,
    rawQueryString: '',
    headers: { authorization: 'Bearer token-of-u1' },
    pathParameters: { id },
    requestContext: { http: { method: 'GET', sourceIp: '127.0.0.9' } },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const context = (id: string) => ({ awsRequestId: id, functionName: 'karguzar-system' }) as Context;

describe('the request line of the HTTP group handler', () => {
  // Info lines are under test, whatever LOG_LEVEL the shell has.
  beforeAll(() => logger.setLogLevel('INFO'));

  it('logs every answered request with request id, tenant, route, status and duration', async () => {
    let status: number | undefined;
    const { lines } = await captureOutput(async () => {
      status = (await handler(request('t-1'), context('req-ok'))).statusCode;
    });

    expect(status).toBe(200);
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        message: 'request',
        service: 'karguzar',
        requestId: 'req-ok',
        tenantId: 'tenant-7',
        group: 'system',
        route: 'GET /api/v1/things/{id}',
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
  });

  it('logs a failed request too, counts the 5xx as a ServerError and keeps personal data out', async () => {
    let status: number | undefined;
    const { lines, stdout, stderr } = await captureOutput(async () => {
      status = (await handler(request('broken'), context('req-bad'))).statusCode;
    });

    expect(status).toBe(500);
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'request',
        requestId: 'req-bad',
        tenantId: 'tenant-7',
        status: 500,
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'unhandled',
        requestId: 'req-bad',
        error: expect.objectContaining({ type: 'Error', message: 'Lookup of [email] (FİN [fin]) hit a bug' }),
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [expect.objectContaining({ Metrics: [{ Name: 'ServerError', Unit: 'Count' }] })],
        }),
        group: 'system',
        ServerError: 1,
      }),
    );
    expect(stdout + stderr).not.toMatch(/ali@example|5ZR8K3P|token-of-u1/);
  });

  it('does not count a client error as a ServerError', async () => {
    const { lines } = await captureOutput(async () => {
      await handler({ ...request('t-2'), headers: {} }, context('req-401'));
    });
    expect(lines).toContainEqual(expect.objectContaining({ message: 'request', status: 401 }));
    expect(lines.some((l) => 'ServerError' in l)).toBe(false);
  });
});
