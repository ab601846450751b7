import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createGroupHandler, type RouteImpls } from '../../../../functions/platform/http/group-handler';
import type { RouteDef } from '../../../../functions/platform/http/route';

// A signed callback's signature covers the body's bytes: a `rawBody` route receives them as sent.
const slice = [
  {
    method: 'POST',
    path: '/api/public/v1/hooks',
    group: 'eservices',
    operationId: 'hook',
    summary: 'Hook',
    tag: 'test',
    auth: 'public',
    body: z.looseObject({ a: z.number() }),
    rawBody: true,
    response: z.object({ body: z.string(), signature: z.string().optional(), parsed: z.unknown() }),
    successStatus: 200,
  },
  {
    method: 'POST',
    path: '/api/public/v1/plain',
    group: 'eservices',
    operationId: 'plain',
    summary: 'Plain',
    tag: 'test',
    auth: 'public',
    body: z.looseObject({ a: z.number() }),
    response: z.object({ raw: z.boolean() }),
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];

const impls: RouteImpls<typeof slice, unknown> = {
  hook: async (ctx) => ({
    body: ctx.raw!.body,
    signature: ctx.raw!.headers['payment-signature'],
    parsed: ctx.body,
  }),
  plain: async (ctx) => ({ raw: ctx.raw !== undefined }),
};
const handler = createGroupHandler({
  group: 'eservices',
  routes: slice,
  impls,
  http: () => {
    throw new Error('public routes verify no token');
  },
  deps: () => ({}),
});
const call = async (routeKey: string, body: string, base64 = false) =>
  (await handler(
    {
      routeKey,
      pathParameters: {},
      queryStringParameters: {},
      headers: { 'Content-Type': 'application/json', 'Payment-Signature': 'v1=abc' },
      body: base64 ? Buffer.from(body).toString('base64') : body,
      isBase64Encoded: base64,
      requestContext: { http: { sourceIp: '192.0.2.7' } },
    } as unknown as APIGatewayProxyEventV2,
    {} as Context,
  )) as APIGatewayProxyStructuredResultV2;

describe('a route that takes its raw body', () => {
  it('gets the body exactly as sent (spacing, key order, base64 decoded) and the headers by lower-case name', async () => {
    const sent = '{ "b": "ä",  "a": 1 }';
    for (const base64 of [false, true]) {
      const result = await call('POST /api/public/v1/hooks', sent, base64);
      expect(JSON.parse(String(result.body))).toEqual({
        body: sent,
        signature: 'v1=abc',
        parsed: { b: 'ä', a: 1 },
      });
    }
  });

  it('is not given to the other routes', async () => {
    const result = await call('POST /api/public/v1/plain', '{"a":1}');
    expect(JSON.parse(String(result.body))).toEqual({ raw: false });
  });
});
