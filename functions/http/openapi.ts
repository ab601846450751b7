import { z } from 'zod';
import { problem } from '../schemas/common.schema';
import { referenceInputs, referenceUpdates } from '../schemas/reference.schema';
import type { RouteDef } from './route';
import { routes } from './routes';

type Json = Record<string, unknown>;

/** Route bodies validated per path parameter are documented as a choice of their schemas. */
const documentedBodies: Record<string, z.ZodType> = {
  createReferenceItem: z.union(Object.values(referenceInputs)),
  updateReferenceItem: z.union(Object.values(referenceUpdates)),
};

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

function parameters(route: RouteDef, components: Record<string, Json>): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = convert(schema, 'input', components) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  if (route.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Retrying with the same key and body returns the first result instead of creating twice',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$', maxLength: 128 },
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

export function openApiDocument(): Json {
  const components: Record<string, Json> = {};
  components.Problem = convert(problem, 'output', components);
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const responses: Record<string, Json> = {
      [String(route.successStatus)]: {
        description: 'Success',
        headers: rateLimitHeaders,
        content: { 'application/json': { schema: convert(route.response, 'output', components) } },
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
    if (route.auth === 'jwt') {
      responses['401'] = problemResponse('Missing or invalid token');
      responses['403'] = problemResponse('Not allowed');
    }
    if (route.params) responses['404'] = problemResponse('Not found (or not visible to the caller)');
    if (route.body) {
      responses['409'] = problemResponse('Conflict: stale version or duplicate value');
      responses['422'] = problemResponse('Invalid input');
    }
    const body = documentedBodies[route.operationId] ?? route.body;
    const op: Json = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: parameters(route, components),
      responses,
      security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
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
      },
    },
  };
}
