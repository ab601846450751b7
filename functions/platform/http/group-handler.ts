import { inRequestScope } from '../kernel/request-scope';
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import type { Actor } from '../kernel/aggregate';
import { ForbiddenError, UnauthenticatedError } from '../kernel/errors';
import { requireMfaForRoute } from '../kernel/mfa';
import { negotiateLanguage, type Language } from '../kernel/text';
import type { OperatorPrincipal, TokenVerifier, VerifiedPrincipal } from '../ports/token-verifier.port';
import { metrics } from '../observability/emf-metrics';
import { inTenant } from '../tenant-access/context';
import { lambdaObservability } from '../observability/lambda-middleware';
import { logger } from '../observability/logger';
import { attachmentDisposition, FileAnswer } from './file-answer';
import { MAX_BODY_BYTES } from './limits';
import type { OriginSecrets, TenantQuota } from '../ports/edge-guard.port';
import { guardOrigin, ORIGIN_HEADER } from './origin-guard';
import { RateLimiter, windowHeaders } from './rate-limit';
import { projectToSchema } from './response-shape';
import { HttpError, issuesFromZod, toProblem } from './problem';
import { isPublicApiPath, publicCorsHeaders, publicPreflightHeaders } from './cors';
import { routeKey, type RouteDef, type RouteGroup } from './route';

/**
 * One request as an implementation receives it. `P`, `Q` and `B` are what the route's own schemas
 * made of the path, the query and the body (see {@link ContextOf}).
 */
export interface RequestContext<P = Record<string, unknown>, Q = Record<string, unknown>, B = unknown> {
  actor: Actor | undefined;
  /** The platform operator of an `auth: 'operator'` route. */
  operator: OperatorPrincipal | undefined;
  /** The invitation secret of an `auth: 'invitation'` route (header `X-Invitation-Token`). */
  invitationToken: string | undefined;
  params: P;
  query: Q;
  body: B;
  lang: Language;
  /** The Idempotency-Key header with a hash of the request it came with. */
  idempotency: { key: string; requestHash: string } | undefined;
  /**
   * The caller's verified bearer token, for the few operations the identity provider authorizes
   * with the user's own token (enrolling a second factor). Never logged, never stored.
   */
  accessToken?: string | undefined;
  /** A `rawBody` route's body as sent (UTF-8 text) and its request headers (lower-case names). */
  raw?: { body: string; headers: Readonly<Record<string, string | undefined>> } | undefined;
}

/** What a route without that schema receives: no path parameters, and no query (unknown ones are a 400). */
type Nothing = Readonly<Record<string, never>>;

/** The output of the route's schema under `key`, or `absent` when the route declares none. */
type Parsed<R, K extends 'params' | 'query' | 'body', Absent> = R extends {
  readonly [key in K]: infer S extends z.ZodType;
}
  ? z.output<S>
  : Absent;

/** The request of one route, typed by its schemas: `ctx.body` is `z.output<typeof route.body>`, and so on. */
export type ContextOf<R extends RouteDef> = RequestContext<
  Parsed<R, 'params', Nothing>,
  Parsed<R, 'query', Nothing>,
  Parsed<R, 'body', undefined>
>;

/** One operation's implementation: the request as its route parsed it, and the application's dependencies. */
export type RouteImpl<R extends RouteDef, D> = (ctx: ContextOf<R>, deps: D) => Promise<unknown>;

/**
 * The implementations of a route slice, keyed by operationId: every operation of the slice must be
 * there, and each receives the request its own route's schemas describe. Declare a slice with
 * `[…] as const satisfies readonly RouteDef[]` so that its operationIds and schemas keep their types.
 */
export type RouteImpls<Routes extends readonly RouteDef[], D> = {
  [R in Routes[number] as R['operationId']]: RouteImpl<R, D>;
};

/**
 * An implementation as the group handler holds it, its request type forgotten: any implementation
 * fits here, and only the dispatcher, which parsed the request with that same route's schemas, calls it.
 */
type AnyRouteImpl<D> = (ctx: never, deps: D) => Promise<unknown>;

/** The implementations a group handler serves, keyed by operationId. */
export type GroupImpls<D> = Readonly<Record<string, AnyRouteImpl<D>>>;

export interface HttpDeps {
  verifier: TokenVerifier;
  resolveActor(principal: VerifiedPrincipal): Promise<Actor>;
  /** An integrator's `X-Api-Key` on the public API: its agency and limit, or undefined (refused). */
  integratorKey?(presented: string): Promise<IntegratorKeyPrincipal | undefined>;
}

/** What a verified integrator key lets through: its agency and its own requests a minute. */
export interface IntegratorKeyPrincipal {
  tenantId: string;
  keyId: string;
  requestsPerMinute: number;
}

/** What stands between the internet and the routes besides tokens (see `infra/aws/README.md`). */
export interface EdgeGuard {
  /** The origin header's accepted values (AWS: only CloudFront's requests); none: no check. */
  origin?: OriginSecrets;
  /** The agencies' shared request quota; none: no quota. */
  tenantQuota?: TenantQuota;
}

/** Deeper JSON than this is no request of ours; refused before it is parsed. */
const MAX_JSON_DEPTH = 32;

/**
 * Two limiters. Requests with a verified token count against their user (tenant and employee);
 * everything else — routes without a token, and every request whose token is missing or fails —
 * counts against the client address, so a flood of made-up tokens is throttled like any other.
 */
const perUser = new RateLimiter(Number(process.env.RATE_LIMIT_PER_MINUTE ?? 6000), 60);
const perAddress = new RateLimiter(Number(process.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE ?? 6000), 60);
const failedPerAddress = new RateLimiter(Number(process.env.RATE_LIMIT_FAILED_PER_MINUTE ?? 300), 60);
/** Integrators' keys on the public API, each with the limit its agency gave it. */
const perIntegratorKey = new RateLimiter(1, 60);

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

/** A file answer: its bytes base64 on the proxy result (the gateway sends the bytes themselves). */
function file(answer: FileAnswer): Result {
  return {
    statusCode: 200,
    headers: {
      ...answer.headers,
      'content-type': answer.contentType,
      'content-disposition': attachmentDisposition(answer.fileName),
      'cache-control': 'no-store',
      'access-control-allow-origin': allowedOrigin,
      'access-control-expose-headers': ['content-disposition', ...Object.keys(answer.headers)].join(', '),
      vary: 'Origin',
    },
    body: Buffer.from(answer.body).toString('base64'),
    isBase64Encoded: true,
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

/** The nesting depth of a JSON text (brackets outside strings), counted without recursion. */
export function jsonDepth(raw: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** The body as sent, as UTF-8 text ('' when there is none). */
function bodyText(event: APIGatewayProxyEventV2): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = bodyText(event);
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    throw new HttpError(413, 'payload_too_large', 'Body too large');
  const type = header(event, 'content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new HttpError(415, 'unsupported_media_type', 'JSON expected');
  if (jsonDepth(raw) > MAX_JSON_DEPTH)
    throw new HttpError(422, 'body_too_deep', 'The JSON body is nested too deeply', [
      { path: '', code: 'too_deep', params: { max: MAX_JSON_DEPTH } },
    ]);
  let forbidden: string | undefined;
  let malformedText: string | undefined;
  let parsed: unknown;
  try {
    // Keys that reach object prototypes are no data of ours, at any depth (zod records and
    // pass-through objects would otherwise carry them along).
    parsed = JSON.parse(raw, (key, value: unknown) => {
      if (forbidden === undefined && FORBIDDEN_KEYS.has(key)) forbidden = key;
      // A lone surrogate is no Unicode text (UTF-8 cannot carry it; decree 935, 142.2).
      if (
        malformedText === undefined &&
        (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value)))
      )
        malformedText = key;
      return value;
    }) as unknown;
  } catch {
    throw new HttpError(400, 'malformed_json', 'Malformed JSON');
  }
  if (forbidden !== undefined)
    throw new HttpError(422, 'validation_failed', 'Invalid input', [
      { path: forbidden, code: 'forbidden_key' },
    ]);
  if (malformedText !== undefined)
    throw new HttpError(422, 'validation_failed', 'Invalid input', [
      { path: malformedText, code: 'invalid_text' },
    ]);
  return parsed;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Routes without query parameters take none: an unknown one is a 400, as on every other route. */
const NO_QUERY = z.object({}).strict();

/** The tenant of each request with a verified token (for its request line). */
const tenantOf = new WeakMap<object, string>();

/**
 * The request line: one per request, answered or failed (after problem+json has made the error
 * an answer), with ids and codes only. Requests answered 5xx are counted (ServerError by group).
 */
const requestLog = (group: RouteGroup): middy.MiddlewareObj<APIGatewayProxyEventV2, Result> => {
  const started = new WeakMap<object, number>();
  const line = (request: middy.Request<APIGatewayProxyEventV2, Result>) => {
    const status = request.response?.statusCode;
    if (status !== undefined && status >= 500) metrics.count('ServerError', { group });
    logger.info('request', {
      requestId: request.context.awsRequestId,
      tenantId: tenantOf.get(request.event),
      group,
      route: request.event.routeKey,
      status,
      durationMs: Date.now() - (started.get(request.event) ?? Date.now()),
    });
  };
  return {
    before: (request) => {
      started.set(request.event, Date.now());
    },
    after: line,
    onError: line,
  };
};

/** Typed errors → localized problem+json. The last middleware: nothing escapes it. */
const problemErrors = (): middy.MiddlewareObj<APIGatewayProxyEventV2, Result> => ({
  onError: (request) => {
    const lang = negotiateLanguage(header(request.event, 'accept-language'));
    const problem = toProblem(request.error, lang);
    if (problem.status >= 500) {
      logger.error('unhandled', {
        requestId: request.context.awsRequestId,
        route: request.event.routeKey,
        // Type, message and stack, scrubbed of personal data by the logger.
        error: request.error instanceof Error ? request.error : { type: typeof request.error },
      });
    }
    request.response = json(problem.status, problem.body, 'application/problem+json');
    withRateHeaders(request.event, request.response);
  },
});

/**
 * The agency's shared quota, once the request's tenant is known. Its RateLimit headers replace
 * the per-user ones when the agency has less left; over the limit, a 429 before anything runs.
 */
async function takeTenantQuota(
  event: APIGatewayProxyEventV2,
  quota: TenantQuota | undefined,
  tenantId: string,
): Promise<void> {
  if (!quota) return;
  const rate = await quota.take(tenantId);
  const headers = windowHeaders(rate.limit, rate.used, rate.windowSeconds, rate.resetSeconds);
  if (!rate.allowed) {
    rateHeaders.set(event, { ...headers, 'retry-after': String(rate.resetSeconds) });
    throw new HttpError(429, 'tenant_rate_exceeded', 'Tenant request quota exceeded');
  }
  const left = (h: Record<string, string> | undefined) => Number(h?.['ratelimit-remaining']);
  const current = rateHeaders.get(event);
  if (!current || left(headers) < left(current)) rateHeaders.set(event, headers);
}

function withRateHeaders(event: APIGatewayProxyEventV2, response: Result): void {
  const extra = rateHeaders.get(event);
  if (extra) response.headers = { ...response.headers, ...extra };
  // The public API answers any origin (no credentials: platform/http/cors.ts).
  if (isPublicApiPath(event.routeKey?.split(' ')[1] ?? ''))
    response.headers = { ...response.headers, ...publicCorsHeaders };
}

export function createGroupHandler<D>(options: {
  group: RouteGroup;
  /** The route table (the group's routes are picked from it). */
  routes: readonly RouteDef[];
  impls: GroupImpls<D>;
  /** Token verification and the acting employee. */
  http: () => HttpDeps | Promise<HttpDeps>;
  /** What the implementations receive: the container. */
  deps: () => D;
  /** The origin check and the tenant quota; none: neither. */
  edge?: () => EdgeGuard;
}) {
  const { group, routes, impls, http: deps } = options;
  const edge = (): EdgeGuard => options.edge?.() ?? {};
  const table = new Map<string, RouteDef>(
    routes.filter((r) => r.group === group).map((r) => [routeKey(r), r]),
  );
  for (const route of table.values()) {
    if (!impls[route.operationId]) throw new Error(`No implementation for ${route.operationId}`);
  }
  // The public paths whose CORS preflight this group answers.
  const preflights = new Set(
    [...table.values()].filter((r) => r.auth === 'public' && isPublicApiPath(r.path)).map((r) => r.path),
  );

  const core = async (event: APIGatewayProxyEventV2, _context: Context): Promise<Result> => {
    // Only requests that came through CloudFront (and its WAF), before anything else.
    await guardOrigin(header(event, ORIGIN_HEADER), edge().origin);
    if (event.routeKey.startsWith('OPTIONS ') && preflights.has(event.routeKey.slice('OPTIONS '.length)))
      return { statusCode: 204, headers: { ...publicPreflightHeaders }, body: '' };
    const route = table.get(event.routeKey);
    if (!route) throw new HttpError(404, 'route_not_found', 'No route');
    const lang = negotiateLanguage(header(event, 'accept-language'));
    const address = event.requestContext?.http?.sourceIp || 'unknown';
    const limit = (limiter: RateLimiter, key: string, own?: number) => {
      const rate = limiter.take(key, Date.now(), own);
      rateHeaders.set(event, rate.headers);
      if (!rate.allowed) {
        rateHeaders.set(event, { ...rate.headers, 'retry-after': rate.headers['ratelimit-reset'] ?? '60' });
        throw new HttpError(429, 'too_many_requests', 'Rate limit exceeded');
      }
    };

    let actor: Actor | undefined;
    let operator: OperatorPrincipal | undefined;
    let accessToken: string | undefined;
    if (route.auth === 'jwt' || route.auth === 'operator') {
      // An address that keeps failing is refused before any token of it is looked at.
      if (failedPerAddress.exhausted(address, Date.now())) limit(failedPerAddress, address);
      try {
        const authz = header(event, 'authorization');
        const token = authz?.match(/^Bearer\s+(\S+)$/i)?.[1];
        if (!token) throw new UnauthenticatedError('Missing bearer token');
        const d = await deps();
        if (route.auth === 'operator') operator = await d.verifier.verifyOperator(token);
        else actor = await d.resolveActor(await d.verifier.verify(token));
        accessToken = token;
      } catch (error) {
        if (error instanceof UnauthenticatedError) limit(failedPerAddress, address);
        throw error;
      }
      if (actor) {
        tenantOf.set(event, actor.tenantId);
        limit(perUser, `${actor.tenantId}:${actor.employeeId}`);
        await takeTenantQuota(event, edge().tenantQuota, actor.tenantId);
      } else limit(perUser, `operator:${operator?.subject}`);
      if (route.roles && !route.roles.some((r) => actor?.roles.has(r)))
        throw new ForbiddenError('Role required');
      if (actor) requireMfaForRoute(actor, route.roles);
    } else if (
      route.auth === 'public' &&
      isPublicApiPath(route.path) &&
      header(event, 'x-api-key') !== undefined
    ) {
      // An integrator's key: its own limit instead of the address's, for its own agency only; a
      // key that fails counts against the address like a failed token.
      if (failedPerAddress.exhausted(address, Date.now())) limit(failedPerAddress, address);
      const d = await deps();
      const presented = header(event, 'x-api-key')!.trim();
      const key = presented.length <= 300 && d.integratorKey ? await d.integratorKey(presented) : undefined;
      const agency = event.pathParameters?.agency;
      if (!key || (agency !== undefined && agency !== key.tenantId)) {
        limit(failedPerAddress, address);
        throw new UnauthenticatedError('Unknown or revoked API key');
      }
      limit(perIntegratorKey, `${key.tenantId}:${key.keyId}`, key.requestsPerMinute);
    } else limit(perAddress, address);
    let invitationToken: string | undefined;
    if (route.auth === 'invitation') {
      // Checked by the use case (it names the tenant and the invitation); here only its presence.
      invitationToken = header(event, 'x-invitation-token')?.trim() || undefined;
      if (!invitationToken || invitationToken.length > 300) {
        limit(failedPerAddress, address);
        throw new UnauthenticatedError('Missing invitation token');
      }
    }

    const params = parseWith(route.params, event.pathParameters ?? {}, 400) as Record<string, unknown>;
    const query = parseWith(route.query ?? NO_QUERY, event.queryStringParameters ?? {}, 400) as Record<
      string,
      unknown
    >;
    const rawBody = readBody(event);
    const bodySchema = route.bodyFor ? route.bodyFor(params) : route.body;
    const body = bodySchema ? parseWith(bodySchema, rawBody ?? {}, 422) : undefined;

    const key = header(event, 'idempotency-key');
    if (route.idempotent === 'required' && key === undefined) {
      throw new HttpError(400, 'invalid_request', 'Idempotency-Key required', [
        { path: 'Idempotency-Key', code: 'required' },
      ]);
    }
    if (key !== undefined && !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
      throw new HttpError(400, 'invalid_request', 'Bad Idempotency-Key', [
        { path: 'Idempotency-Key', code: 'invalid_format' },
      ]);
    }
    // A key is the caller's own: scoped to the operation and the user (the tenant scopes the
    // record's partition), so nobody else's retry can replay someone's response.
    const idempotency =
      route.idempotent && key
        ? {
            key: `${route.operationId}:${actor?.employeeId ?? (operator ? `operator-${operator.subject}` : 'anonymous')}:${key}`,
            requestHash: createHash('sha256').update(JSON.stringify({ params, body })).digest('base64url'),
          }
        : undefined;

    // The one place where a request's type is taken on trust: params, query and body were just
    // parsed by this route's own schemas, which are the types its implementation declares (RouteImpls).
    const implementation = impls[route.operationId] as (ctx: RequestContext, deps: D) => Promise<unknown>;
    const raw = route.rawBody
      ? {
          body: bodyText(event),
          headers: Object.fromEntries(
            Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
          ),
        }
      : undefined;
    const run = () =>
      implementation(
        { actor, operator, invitationToken, params, query, body, lang, idempotency, accessToken, raw },
        options.deps(),
      );
    // A tenant's request touches the table and the buckets as that tenant (issue 18: tenant-scoped
    // credentials in AWS, the same policy checked in the embedded default).
    const result = await (actor ? inTenant(actor.tenantId, run) : run());
    const response =
      result instanceof FileAnswer ? file(result) : json(route.successStatus, shapeResponse(route, result));
    withRateHeaders(event, response);
    return response;
  };

  // Observability first (Lambda context, the request line), problem+json last: its onError
  // runs first and turns every error into an answer that the request line then reports.
  // One request, one scope: the reads it repeats (its tenant, actor, positions) are done once.
  return middy<APIGatewayProxyEventV2, Result>()
    .use(lambdaObservability())
    .use(requestLog(group))
    .use(problemErrors())
    .handler((event, context) => inRequestScope(() => core(event, context)));
}

/**
 * The answer as the contract describes it: cut down to the keys the route's response schema names
 * (store keys, tenant and user ids of list lines, … are dropped), so internal fields never leave
 * the server even when a use case hands back a storage record. An answer that still does not fit
 * the schema is a bug: it is logged (paths and codes only) and sent rather than failing the
 * caller; the integration suite checks every answer against the OpenAPI document.
 */
function shapeResponse(route: RouteDef, result: unknown): unknown {
  if (route.successStatus === 204 || result === undefined) return result;
  const projected = projectToSchema(route.response, JSON.parse(JSON.stringify(result, withoutSecrets)));
  const parsed = route.response.safeParse(projected);
  if (parsed.success) return parsed.data;
  logger.error('response_contract_violation', {
    route: routeKey(route),
    issues: parsed.error.issues
      .slice(0, 5)
      .map((i) => ({ path: i.path.map(String).join('.'), code: i.code })),
  });
  return projected;
}

/** The invitation secret of an `auth: 'invitation'` route. */
export function invitationTokenOf(ctx: { invitationToken: string | undefined }): string {
  if (!ctx.invitationToken) throw new UnauthenticatedError('Missing invitation token');
  return ctx.invitationToken;
}

/** Narrows a context for `auth: 'operator'` routes. */
export function operatorOf<C extends { operator: OperatorPrincipal | undefined }>(
  ctx: C,
): C & { operator: OperatorPrincipal } {
  const { operator } = ctx;
  if (!operator) throw new UnauthenticatedError('Missing operator');
  return { ...ctx, operator };
}

/** Narrows a context for routes that require a token. */
export function authed<C extends { actor: Actor | undefined }>(ctx: C): C & { actor: Actor } {
  const { actor } = ctx;
  if (!actor) throw new UnauthenticatedError('Missing actor');
  return { ...ctx, actor };
}
