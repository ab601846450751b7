import type * as z from 'zod';
import type { Role } from '../kernel/roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Route groups: one Lambda per group in AWS (entry `functions/handlers/<group>.handler.ts`,
 * exporting `handler`), the same modules in the local gateway.
 */
export const routeGroups = [
  'system',
  'org',
  'reference',
  'documents',
  'citizen-registries',
  'execution',
  'onboarding',
  'signatures',
  'archive',
  'search',
  'reports',
  'exchange',
  'webhooks',
  'eservices',
] as const;
export type RouteGroup = (typeof routeGroups)[number];

/**
 * One operation of the API. A module declares its slice as `[…] as const satisfies readonly
 * RouteDef[]`, so that each route keeps its own schemas' types: its implementation receives them
 * (see `RouteImpls` in group-handler.ts).
 */
export interface RouteDef {
  method: HttpMethod;
  /** API Gateway style path, e.g. /api/v1/departments/{id} */
  path: string;
  group: RouteGroup;
  operationId: string;
  summary: string;
  tag: string;
  /**
   * 'jwt': a tenant user's bearer token (Cognito authorizer in AWS); 'operator': a platform
   * operator's token (the same authorizer; the handler requires the operator claim and no tenant);
   * 'invitation': anonymous, with the secret of an e-mailed invitation link as the credential
   * (header `X-Invitation-Token`); 'public': anonymous.
   */
  auth: 'jwt' | 'operator' | 'invitation' | 'public';
  /** Any one of these roles is enough (tenant routes); absent: every authenticated user of the tenant. */
  roles?: readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  /**
   * Request headers the implementation reads itself (from `ctx.raw`, with `rawBody`): documented
   * as header parameters, not checked by the handler.
   */
  headers?: z.ZodObject;
  body?: z.ZodType;
  /**
   * When the body's shape depends on a path parameter (a reference list's items): the schema that
   * validates it, chosen from the parameters as `params` parsed them (a route may declare its
   * argument as `z.output<typeof params>`). `body` then documents the union of them, and is the
   * type the implementation receives.
   */
  bodyFor?(params: Record<string, unknown>): z.ZodType;
  /**
   * The implementation also receives the body exactly as sent and the request headers (`ctx.raw`):
   * for a signed callback whose signature covers the body's bytes.
   */
  rawBody?: true;
  /** Creates that a client may retry accept an Idempotency-Key header; `'required'`: only with one (400 without). */
  idempotent?: boolean | 'required';
  response: z.ZodType;
  /** A route that answers a file (a FileAnswer): its media type; `response` then only names it. */
  file?: string;
  successStatus: 200 | 201 | 204;
}

/** The API Gateway route key, e.g. "GET /api/v1/departments/{id}". */
export function routeKey(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
