import * as z from 'zod';
import { problem } from '../platform/http/common.schema';
import type { RouteDef } from '../platform/http/route';
import { isPublicApiPath } from '../platform/http/cors';
import { routes } from './routes';
import { webhookEventTypes, webhookPayloads, webhookSummaries } from '../modules/webhooks';

type Json = Record<string, unknown>;

/** Lengths implied by string formats, stated explicitly so that clients and gateways can bound input. */
const formatLength: Record<string, number> = { uuid: 36, 'date-time': 40, date: 10, email: 254, uri: 2048 };

/** Makes implicit limits explicit: string formats get maxLength, integers a format. */
function tighten(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(tighten);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema.type === 'string' && schema.maxLength === undefined && typeof schema.format === 'string') {
    const limit = formatLength[schema.format];
    if (limit) schema.maxLength = limit;
  }
  if (schema.type === 'integer' && schema.format === undefined) {
    const max = typeof schema.maximum === 'number' ? schema.maximum : Number.MAX_SAFE_INTEGER;
    schema.format = max <= 2_147_483_647 ? 'int32' : 'int64';
  }
  Object.values(schema).forEach(tighten);
}

/** zod → JSON Schema 2020-12 (OpenAPI 3.1), with named schemas moved to components. */
function convert(schema: z.ZodType, io: 'input' | 'output', components: Record<string, Json>): Json {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  const text = JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _s, $defs, ...rest } = JSON.parse(text) as Json & { $defs?: Record<string, Json> };
  for (const [name, def] of Object.entries($defs ?? {})) {
    tighten(def);
    components[name] ??= def;
  }
  tighten(rest);
  return rest;
}

/** A schema's own example (zod `.meta({ example })` or the first of `.meta({ examples })`): a parameter's example. */
function exampleOf(schema: Json): unknown {
  if (schema.example !== undefined) return schema.example;
  return Array.isArray(schema.examples) ? (schema.examples as unknown[])[0] : undefined;
}

function parameters(route: RouteDef, components: Record<string, Json>): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
    ['header', route.headers],
  ] as const) {
    if (!schema) continue;
    const json = convert(schema, 'input', components) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const example = exampleOf(prop);
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
        ...(example === undefined ? {} : { example }),
      });
    }
  }
  if (route.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: route.idempotent === 'required',
      description: 'Retrying with the same key and body returns the first result instead of creating twice',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$', maxLength: 128 },
      example: '5f0c2d7e-9b4a-4c31-8e6f-2a1d3b9c7e40',
    });
  }
  return out;
}

const rateLimitHeaders = {
  'Access-Control-Allow-Origin': {
    description: 'The web origin allowed to call the API (the agency web app; no wildcard)',
    schema: { type: 'string', maxLength: 200 },
  },
  'RateLimit-Limit': {
    description: 'Requests allowed in the window',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the window',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 },
  },
};

const problemResponse = (description: string) => ({
  description,
  headers: rateLimitHeaders,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Whether a route's query filters on ids: an unknown one is 422 `unknown_reference`, like a body's. */
function filtersOnIds(route: RouteDef): boolean {
  if (!route.query) return false;
  const json = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Json>;
  };
  return Object.values(json.properties ?? {}).some((p) => p.format === 'uuid');
}

/** A file answer goes through the Lambda proxy whole: its response limit (6 MB) bounds it. */
const FILE_ANSWER_MAX_BYTES = 6 * 1024 * 1024;

/** The headers every webhook request carries (Standard Webhooks). */
const webhookHeaders: Json[] = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: 'The event id: the same on every attempt, so a receiver can drop duplicates',
    schema: { type: 'string', maxLength: 40 },
  },
  {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'Unix seconds of this attempt; refuse one too far from your clock (5 minutes)',
    schema: { type: 'string', pattern: '^[0-9]{1,12}$', maxLength: 12 },
  },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      '`v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` keyed with the subscription secret (the base64 after `whsec_`); compare in constant time',
    schema: { type: 'string', maxLength: 1000 },
  },
];

/** The OpenAPI 3.1 `webhooks`: what the platform POSTs to a subscription, per event type. */
function webhooksSection(components: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace('.', '_')}`,
          summary: webhookSummaries[type],
          tags: ['webhooks'],
          parameters: webhookHeaders,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: convert(webhookPayloads[type], 'output', components) } },
          },
          responses: {
            '2XX': { description: 'Received: any 2xx answer (within 10 s) ends the delivery' },
            default: {
              description:
                'Anything else, a timeout or no connection: retried with exponential backoff and jitter, 6 attempts in all',
            },
          },
          security: [],
        },
      },
    ]),
  );
}

export function openApiDocument(): Json {
  const components: Record<string, Json> = {};
  // `problem` is a named schema: converting it files it under components (a self-$ref otherwise).
  const problemSchema = convert(problem, 'output', components);
  if (!('$ref' in problemSchema)) components.Problem = problemSchema;
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const responses: Record<string, Json> = {
      [String(route.successStatus)]: {
        description: route.successStatus === 204 ? 'Done (no content)' : 'Success',
        headers: rateLimitHeaders,
        ...(route.successStatus === 204
          ? {}
          : {
              content: route.file
                ? {
                    [route.file]: {
                      schema: { type: 'string', format: 'binary', maxLength: FILE_ANSWER_MAX_BYTES },
                    },
                  }
                : { 'application/json': { schema: convert(route.response, 'output', components) } },
            }),
      },
      '400': problemResponse('Malformed request'),
      '429': {
        ...problemResponse('Too many requests'),
        headers: {
          ...rateLimitHeaders,
          'Retry-After': {
            description: 'Seconds to wait',
            schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 3600 },
          },
        },
      },
      '500': problemResponse('Internal error'),
    };
    if (route.auth !== 'public') {
      responses['401'] = problemResponse('Missing or invalid token');
      responses['403'] = problemResponse('Not allowed');
    } else if (isPublicApiPath(route.path))
      responses['401'] = problemResponse(
        'An X-Api-Key that is malformed, unknown, revoked or of another agency',
      );
    if (route.params) {
      responses['404'] = problemResponse('Not found (or not visible to the caller)');
      responses['409'] = problemResponse('Conflict: the object’s state does not allow it');
    }
    if (route.body || route.method !== 'GET') {
      // Every change may meet a stale version or a business rule, with or without a body.
      responses['409'] = problemResponse('Conflict: stale version or duplicate value');
      responses['422'] = problemResponse('Invalid input or a business rule not met');
    }
    if (route.body) {
      responses['413'] = problemResponse('The body is too large');
      responses['415'] = problemResponse('The body is not application/json');
    }
    if (route.auth === 'invitation') {
      // The secret names an invitation that may be unknown or expired (422) or spent (409).
      responses['409'] = problemResponse('The invitation was used already');
      responses['422'] = problemResponse('The invitation is not valid or has expired');
    }
    if (route.method === 'GET' && filtersOnIds(route))
      responses['422'] = problemResponse('A filter names an object the tenant does not have');
    const body = route.body;
    const op: Json = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: parameters(route, components),
      responses,
      security:
        route.auth === 'public'
          ? // No login; an integrator may send its key for the key's own limit.
            isPublicApiPath(route.path)
            ? [{}, { integratorKey: [] }]
            : []
          : route.auth === 'invitation'
            ? [{ invitation: [] }]
            : [{ bearer: [] }],
    };
    if (body)
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: convert(body, 'input', components) } },
      };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kargüzar API',
      version: '1.0.0',
      description:
        'Electronic records management. Errors are RFC 9457 problem+json, localized by Accept-Language (az, en, ru).',
    },
    servers: [
      {
        url: 'https://{host}',
        description:
          'Production API (CloudFront in AWS); the local embedded default serves the same paths on 127.0.0.1',
        variables: { host: { default: 'api.karguzar.az' } },
        'x-internal': false,
      },
    ],
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    webhooks: webhooksSection(components),
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'OIDC access token (Cognito in AWS, the local provider in the embedded default), handled per RFC8725: signature algorithms allow-listed, issuer and audience checked, short lifetime.',
        },
        invitation: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Invitation-Token',
          description:
            'The secret of an e-mailed invitation link (`<tenant>.<secret>`): single use, expires after 7 days; only its SHA-256 is stored.',
        },
        integratorKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description:
            'An integrator’s key made by the agency’s admin (`kgz_<agency>.<id>.<secret>`; only its SHA-256 is stored): optional on the public API, where it counts the requests against the key’s own limit instead of the client address’s, for the key’s agency only.',
        },
      },
    },
  };
}
