import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '../../functions/api/openapi';

/**
 * The API contract as a test oracle: every answer the integration suite receives through
 * `apiClient` is checked against the OpenAPI document the server publishes — its status must be
 * documented for the operation, its media type must match, and its body must validate against the
 * documented schema (so an internal key in an answer fails the test that got it).
 */
type Json = Record<string, unknown>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  literalSegments: number;
  responses: Record<string, Json>;
}

let compiled: { ajv: Ajv2020; operations: Operation[] } | undefined;
const validators = new Map<string, ValidateFunction>();

function setup() {
  if (compiled) return compiled;
  const doc = openApiDocument() as Json & { paths: Record<string, Record<string, Json>> };
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // Each component becomes a schema of its own, referred to by name.
  const components = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  for (const [name, schema] of Object.entries(components))
    ajv.addSchema({ ...(rewriteRefs(schema) as Json), $id: `component:${name}` });
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = template
      .split('/')
      .map((seg) => (/^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('/');
    for (const [method, op] of Object.entries(item)) {
      operations.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${pattern}$`),
        literalSegments: template.split('/').filter((seg) => seg && !seg.startsWith('{')).length,
        responses: rewriteRefs(op.responses ?? {}) as Record<string, Json>,
      });
    }
  }
  compiled = { ajv, operations };
  return compiled;
}

/** `#/components/schemas/X` → `component:X`, at any depth. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/'))
      out[key] = `component:${value.slice('#/components/schemas/'.length)}`;
    else if (key === '$id') continue;
    else out[key] = rewriteRefs(value);
  }
  return out;
}

export interface ContractViolation {
  operation: string;
  problem: string;
}

/** Checks one answer; returns what is wrong with it, or undefined when it keeps the contract. */
export function contractViolation(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): ContractViolation | undefined {
  const { ajv, operations } = setup();
  const path = new URL(url, 'http://x').pathname;
  const op = operations
    .filter((o) => o.method === method.toUpperCase() && o.regex.test(path))
    .sort((a, b) => b.literalSegments - a.literalSegments)[0];
  if (!op) return undefined; // not an API operation (health, OIDC, /local)
  const name = `${op.method} ${op.template}`;
  // A request the gateway refused before any operation saw it (bad encoding, too large, no route).
  const documented = op.responses[String(status)];
  if (!documented) {
    if ([400, 413, 415].includes(status) && contentType?.startsWith('application/problem+json'))
      return problemViolation(ajv, name, body);
    return { operation: name, problem: `status ${status} is not documented` };
  }
  const content = documented.content as Record<string, Json> | undefined;
  if (!content)
    return body === undefined ? undefined : { operation: name, problem: 'a body where none is documented' };
  const mediaType = Object.keys(content)[0]!;
  if (!contentType?.startsWith(mediaType))
    return { operation: name, problem: `content-type ${contentType} instead of ${mediaType}` };
  const ref = `${name} ${status} ${mediaType}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile(content[mediaType]!.schema as Json);
    validators.set(ref, validate);
  }
  if (validate(body)) return undefined;
  return {
    operation: name,
    problem: describe(validate),
  };
}

function problemViolation(ajv: Ajv2020, operation: string, body: unknown): ContractViolation | undefined {
  const ref = 'component:Problem';
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate(body) ? undefined : { operation, problem: describe(validate) };
}

function describe(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `body${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('; ');
}
