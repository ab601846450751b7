/**
 * CORS of the public API (`/api/public/…`): agency portals on their own origins call it from
 * browsers, without credentials (no cookies, no Authorization), so any origin may read its
 * answers (`*`, never with Allow-Credentials). Every other route keeps the web app's one origin.
 * The preflight is answered by the route group's handler (API Gateway routes `OPTIONS` of each
 * public path to it; the local gateway does the same), before any rate limit or parsing.
 */

/** The public prefix: the edge counts it per address; CORS is open on it. */
export const PUBLIC_API_PREFIX = '/api/public/';

export const isPublicApiPath = (path: string): boolean => path.startsWith(PUBLIC_API_PREFIX);

/** On every answer of a public route (problems included). */
export const publicCorsHeaders: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'content-disposition, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after',
};

/** The answer to a preflight of a public route. */
export const publicPreflightHeaders: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, accept-language, idempotency-key',
  'access-control-max-age': '600',
  'cache-control': 'no-store',
};
