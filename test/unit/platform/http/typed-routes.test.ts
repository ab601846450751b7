import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import {
  createGroupHandler,
  type ContextOf,
  type RouteImpls,
} from '../../../../functions/platform/http/group-handler';
import type { RouteDef } from '../../../../functions/platform/http/route';

// A miniature slice: the route's schemas are the types its implementation receives.
const echoed = z.object({
  params: z.object({ id: z.string(), n: z.number() }),
  query: z.object({ limit: z.number() }),
  body: z.object({ name: z.string(), tags: z.array(z.string()) }),
});
const slice = [
  {
    method: 'POST',
    path: '/api/v1/things/{id}/{n}',
    group: 'system',
    operationId: 'echoThing',
    summary: 'Echo',
    tag: 'test',
    auth: 'public',
    params: z.object({ id: z.string().trim(), n: z.coerce.number().int() }).strict(),
    query: z.object({ limit: z.coerce.number().int().default(50) }).strict(),
    body: z.object({ name: z.string().trim(), tags: z.array(z.string()).default([]) }).strict(),
    response: echoed,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/api/v1/things',
    group: 'system',
    operationId: 'listThings',
    summary: 'List',
    tag: 'test',
    auth: 'public',
    response: z.object({ body: z.null() }),
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];

type Echo = ContextOf<(typeof slice)[0]>;
type List = ContextOf<(typeof slice)[1]>;

describe('typed routes', () => {
  it('gives an implementation the outputs of its route’s schemas as types', () => {
    expectTypeOf<Echo['params']>().toEqualTypeOf<{ id: string; n: number }>();
    expectTypeOf<Echo['query']>().toEqualTypeOf<{ limit: number }>();
    expectTypeOf<Echo['body']>().toEqualTypeOf<{ name: string; tags: string[] }>();
    expectTypeOf<List['body']>().toEqualTypeOf<undefined>();
    expectTypeOf<List['query']>().toEqualTypeOf<Readonly<Record<string, never>>>();
    // Every operation of the slice must be implemented, under its operationId.
    expectTypeOf<keyof RouteImpls<typeof slice, unknown>>().toEqualTypeOf<'echoThing' | 'listThings'>();
  });

  it('hands the implementation what the schemas made of the request (coerced, trimmed, defaulted)', async () => {
    const impls: RouteImpls<typeof slice, { greeting: string }> = {
      echoThing: async (ctx) => ({ params: ctx.params, query: ctx.query, body: ctx.body }),
      listThings: async (ctx) => ({ body: ctx.body ?? null }),
    };
    const handler = createGroupHandler({
      group: 'system',
      routes: slice,
      impls,
      http: () => {
        throw new Error('public routes verify no token');
      },
      deps: () => ({ greeting: 'hi' }),
    });
    const event = {
      routeKey: 'POST /api/v1/things/{id}/{n}',
      pathParameters: { id: ' a1 ', n: '7' },
      queryStringParameters: {},
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '  Ada ' }),
      isBase64Encoded: false,
      requestContext: { http: { sourceIp: '192.0.2.1' } },
    } as unknown as APIGatewayProxyEventV2;
    const result = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(String(result.body))).toEqual({
      params: { id: 'a1', n: 7 },
      query: { limit: 50 },
      body: { name: 'Ada', tags: [] },
    });
  });
});
