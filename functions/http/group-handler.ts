import { createHash } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Actor } from '../domain/aggregate';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import { negotiateLanguage, type Language } from '../domain/text';
import type { TokenVerifier, VerifiedPrincipal } from '../ports/token-verifier.port';
import { logger } from './logger';
import { RateLimiter } from './rate-limit';
import { HttpError, issuesFromZod, toProblem } from './problem';
import { routeKey, type RouteDef, type RouteGroup } from './route';
import { routes } from './routes';

export interface RequestContext {
  actor: Actor | undefined;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  lang: Language;
  /** The Idempotency-Key header with a hash of the request it came with. */
  idempotency: { key: string; requestHash: string } | undefined;
}

export interface AuthedContext extends RequestContext {
  actor: Actor;
}

export type RouteImpl = (ctx: RequestContext) => Promise<unknown>;

export interface HttpDeps {
  verifier: TokenVerifier;
  resolveActor(principal: VerifiedPrincipal): Promise<Actor>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const limiter = new RateLimiter(Number(process.env.RATE_LIMIT_PER_MINUTE ?? 6000), 60);

type Result = APIGatewayProxyStructuredResultV2;

/** RateLimit headers go on every response, problems included. */
const rateHeaders = new WeakMap<object, Record<string, string>>();

/** The web app's origin (same origin behind CloudFront or the local gateway); never a wildcard. */
const allowedOrigin = process.env.WEB_ORIGIN ?? 'http://127.0.0.1:3000';

function json(status: number, body: unknown, contentType = 'application/json'): Result {
  return {
    statusCode: status,
    headers: {
      'content-type': `${contentType}; charset=utf-8`,
      'cache-control': 'no-store',
      'access-control-allow-origin': allowedOrigin,
      vary: 'Origin',
    },
    body: status === 204 ? '' : JSON.stringify(body, withoutSecrets),
  };
}

/**
 * Task tokens of waiting state machines stay on the server: whoever holds one could complete a
 * step. They live on documents (a route step) and never go out in any answer.
 */
function withoutSecrets(key: string, value: unknown): unknown {
  return key === 'taskToken' ? undefined : value;
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {}))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function parseWith(schema: z.ZodType | undefined, input: unknown, status: 400 | 422): unknown {
  if (!schema) return input;
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new HttpError(
      status,
      status === 400 ? 'invalid_request' : 'validation_failed',
      'Invalid input',
      issuesFromZod(result.error),
    );
  }
  return result.data;
}

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    throw new HttpError(413, 'payload_too_large', 'Body too large');
  const type = header(event, 'content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new HttpError(415, 'unsupported_media_type', 'JSON expected');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, 'malformed_json', 'Malformed JSON');
  }
}

/** Request-scoped logging: the first middleware, so it sees everything, errors included. */
const observability = (group: RouteGroup): middy.MiddlewareObj<APIGatewayProxyEventV2, Result> => {
  const started = new WeakMap<object, number>();
  return {
    before: (request) => {
      started.set(request.event, Date.now());
    },
    after: (request) => {
      logger.info('request', {
        group,
        route: request.event.routeKey,
        status: request.response?.statusCode,
        ms: Date.now() - (started.get(request.event) ?? Date.now()),
        requestId: request.context.awsRequestId,
      });
    },
  };
};

/** Typed errors → localized problem+json. The last middleware: nothing escapes it. */
const problemErrors = (): middy.MiddlewareObj<APIGatewayProxyEventV2, Result> => ({
  onError: (request) => {
    const lang = negotiateLanguage(header(request.event, 'accept-language'));
    const problem = toProblem(request.error, lang);
    if (problem.status >= 500) {
      logger.error('unhandled', {
        route: request.event.routeKey,
        error: request.error instanceof Error ? request.error.name : 'unknown',
        message: request.error instanceof Error ? request.error.message : undefined,
        stack: request.error instanceof Error ? request.error.stack : undefined,
      });
    }
    request.response = json(problem.status, problem.body, 'application/problem+json');
    withRateHeaders(request.event, request.response);
  },
});

function withRateHeaders(event: APIGatewayProxyEventV2, response: Result): void {
  const extra = rateHeaders.get(event);
  if (extra) response.headers = { ...response.headers, ...extra };
}

export function createGroupHandler(
  group: RouteGroup,
  impls: Record<string, RouteImpl>,
  deps: () => HttpDeps | Promise<HttpDeps>,
) {
  const table = new Map<string, RouteDef>(
    routes.filter((r) => r.group === group).map((r) => [routeKey(r), r]),
  );
  for (const route of table.values()) {
    if (!impls[route.operationId]) throw new Error(`No implementation for ${route.operationId}`);
  }

  const core = async (event: APIGatewayProxyEventV2, _context: Context): Promise<Result> => {
    const route = table.get(event.routeKey);
    if (!route) throw new HttpError(404, 'route_not_found', 'No route');
    const lang = negotiateLanguage(header(event, 'accept-language'));
    const caller =
      header(event, 'authorization')?.slice(-32) ?? event.requestContext?.http?.sourceIp ?? 'anonymous';
    const rate = limiter.take(caller, Date.now());
    rateHeaders.set(event, rate.headers);
    if (!rate.allowed) {
      rateHeaders.set(event, { ...rate.headers, 'retry-after': rate.headers['ratelimit-reset'] ?? '60' });
      throw new HttpError(429, 'too_many_requests', 'Rate limit exceeded');
    }

    let actor: Actor | undefined;
    if (route.auth === 'jwt') {
      const authz = header(event, 'authorization');
      const token = authz?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (!token) throw new UnauthenticatedError('Missing bearer token');
      const d = await deps();
      actor = await d.resolveActor(await d.verifier.verify(token));
      if (route.roles && !route.roles.some((r) => actor?.roles.has(r)))
        throw new ForbiddenError('Role required');
    }

    const params = parseWith(route.params, event.pathParameters ?? {}, 400) as Record<string, unknown>;
    const query = parseWith(route.query, event.queryStringParameters ?? {}, 400) as Record<string, unknown>;
    const rawBody = readBody(event);
    const body = route.body ? parseWith(route.body, rawBody ?? {}, 422) : undefined;

    const key = header(event, 'idempotency-key');
    if (key !== undefined && !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
      throw new HttpError(400, 'invalid_request', 'Bad Idempotency-Key', [
        { path: 'Idempotency-Key', code: 'invalid_format' },
      ]);
    }
    const idempotency =
      route.idempotent && key
        ? {
            key: `${route.operationId}:${key}`,
            requestHash: createHash('sha256').update(JSON.stringify({ params, body })).digest('base64url'),
          }
        : undefined;

    const implementation = impls[route.operationId] as RouteImpl;
    const result = await implementation({ actor, params, query, body, lang, idempotency });
    const response = json(route.successStatus, result);
    withRateHeaders(event, response);
    return response;
  };

  return middy<APIGatewayProxyEventV2, Result>().use(observability(group)).use(problemErrors()).handler(core);
}

/** Narrows a context for routes that require a token. */
export function authed(ctx: RequestContext): AuthedContext {
  if (!ctx.actor) throw new UnauthenticatedError('Missing actor');
  return ctx as AuthedContext;
}
