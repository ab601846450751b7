/**
 * CORS of the public API (`/api/public/…`): agency portals on their own origins call it from
 * browsers, without credentials (no cookies, no Authorization), so any origin may read its
 * answers (`*`, never with Allow-Credentials). In AWS, API Gateway's CORS configuration answers
 * the preflights and sets the headers (infra/aws/constructs/api.ts: no route per preflight); the
 * preflight allows neither Authorization nor PUT/PATCH/DELETE, so only the anonymous public API
 * is usable from another origin's page. The route group's handler sets the same headers on the
 * public routes' answers and answers their preflights, which the local gateway hands to it;
 * every other route keeps the web app's one origin there.
 */

/** The public prefix: the edge counts it per address; CORS is open on it. */
export const PUBLIC_API_PREFIX = '/api/public/';

export const isPublicApiPath = (path: string): boolean => path.startsWith(PUBLIC_API_PREFIX);

/** The request headers a cross-origin caller may send. */
export const PUBLIC_CORS_REQUEST_HEADERS = ['content-type', 'accept-language', 'idempotency-key'] as const;
/** The answer headers a cross-origin caller may read. */
export const PUBLIC_CORS_EXPOSED_HEADERS = [
  'content-disposition',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
] as const;
export const PUBLIC_CORS_MAX_AGE_SECONDS = 600;

/** On every answer of a public route (problems included). */
export const publicCorsHeaders: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': PUBLIC_CORS_EXPOSED_HEADERS.join(', '),
};

/** The answer to a preflight of a public route. */
export const publicPreflightHeaders: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': PUBLIC_CORS_REQUEST_HEADERS.join(', '),
  'access-control-max-age': String(PUBLIC_CORS_MAX_AGE_SECONDS),
  'cache-control': 'no-store',
};
