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

/*
 * The document's examples (issue 15): every example validates against the schema it belongs to,
 * every public operation documents a whole request and its answer by example, and the contract
 * test sends those very requests (test/integration/eservices-contract).
 */

type Doc = Json & { paths: Record<string, Record<string, Json>>; components?: Json };

/** The first example of a schema node: its `example`, or the first of its `examples`. */
function ownExample(node: Json | undefined): unknown {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  return Array.isArray(node.examples) ? (node.examples as unknown[])[0] : undefined;
}

/** A schema's example, looking through a `$ref` to its component. */
function schemaExample(doc: Doc, schema: Json | undefined): unknown {
  if (!schema) return undefined;
  const own = ownExample(schema);
  if (own !== undefined) return own;
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return undefined;
  const components = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  return ownExample(components[ref.slice('#/components/schemas/'.length)]);
}

/** A media type's example: its own (`example` or the first of `examples`), else its schema's. */
function mediaExample(doc: Doc, media: Json | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const named = Object.values((media.examples ?? {}) as Record<string, Json>)[0];
  if (named?.value !== undefined) return named.value;
  return schemaExample(doc, media.schema as Json | undefined);
}

export interface PublicOperation {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
}

/** The operations under the public prefix (`/api/public/`): no login, called by agency portals. */
export function publicOperations(doc: Doc): PublicOperation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/public/'))
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        path,
        operation: operation as Json,
      })),
    );
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Json;
  example?: unknown;
}

/** An operation's documented example request: parameters by where they go, and the body. */
export interface ExampleRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body?: unknown;
}

/** An operation's documented answer: its success status, the example and the schema. */
export interface ExampleAnswer {
  status: number;
  example: unknown;
}

const parametersOf = (op: Json) => (op.parameters ?? []) as Parameter[];

function successOf(op: Json): [string, Json] | undefined {
  return Object.entries((op.responses ?? {}) as Record<string, Json>).find(([status]) =>
    /^2\d\d$/.test(status),
  );
}

/**
 * The request an operation's examples make: every parameter that has an example (a required one
 * without is reported by {@link missingExamples}) and the body's example.
 */
export function exampleRequest(doc: Doc, op: Json): ExampleRequest {
  const request: ExampleRequest = { path: {}, query: {}, header: {} };
  for (const p of parametersOf(op)) {
    const example = p.example ?? ownExample(p.schema);
    if (example !== undefined) request[p.in][p.name] = example;
  }
  const content = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  if (content) request.body = mediaExample(doc, content['application/json']);
  return request;
}

/** An operation's success status and its answer's example (undefined for an answer with no body). */
export function exampleAnswer(doc: Doc, op: Json): ExampleAnswer {
  const [status, response] = successOf(op) ?? ['', {}];
  const content = response.content as Record<string, Json> | undefined;
  return {
    status: Number(status),
    example: content ? mediaExample(doc, Object.values(content)[0]) : undefined,
  };
}

/**
 * What each public operation lacks of a whole example request and answer: an example for each
 * required parameter, for the body when it has one, for the success answer's body.
 */
export function missingExamples(doc: Doc): string[] {
  const missing: string[] = [];
  for (const { operationId, operation } of publicOperations(doc)) {
    const request = exampleRequest(doc, operation);
    for (const p of parametersOf(operation))
      if (p.required && request[p.in][p.name] === undefined)
        missing.push(`${operationId}: ${p.in} parameter ${p.name}`);
    if (operation.requestBody && request.body === undefined) missing.push(`${operationId}: request body`);
    const answer = exampleAnswer(doc, operation);
    if (!answer.status) missing.push(`${operationId}: success response`);
    else if (answer.status !== 204 && answer.example === undefined)
      missing.push(`${operationId}: ${answer.status} response body`);
  }
  return missing;
}

/** The keywords whose values are subschemas: a map of them, one, or a list. */
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SUBSCHEMA_ONE = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/**
 * Every example the document gives — of a schema at any depth, of a parameter, of a media type —
 * checked against the schema it belongs to. Returns where each one that does not validate is, and why.
 */
export function exampleViolations(doc: Doc): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const components = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  for (const [name, schema] of Object.entries(components))
    ajv.addSchema({ ...(rewriteRefs(schema) as Json), $id: `component:${name}` });
  const problems: string[] = [];
  const check = (where: string, schema: Json, value: unknown) => {
    const validate = ajv.compile(rewriteRefs(schema) as Json);
    if (!validate(value)) problems.push(`${where}: ${describe(validate).replaceAll('body', 'example')}`);
  };
  const walkSchema = (where: string, node: unknown): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const schema = node as Json;
    if (schema.example !== undefined) check(`${where} example`, schema, schema.example);
    if (Array.isArray(schema.examples))
      schema.examples.forEach((value, i) => check(`${where} examples[${i}]`, schema, value));
    for (const key of SUBSCHEMA_MAPS)
      for (const [name, sub] of Object.entries((schema[key] ?? {}) as Record<string, unknown>))
        walkSchema(`${where}/${key}/${name}`, sub);
    for (const key of SUBSCHEMA_ONE) walkSchema(`${where}/${key}`, schema[key]);
    for (const key of SUBSCHEMA_LISTS)
      if (Array.isArray(schema[key]))
        (schema[key] as unknown[]).forEach((sub, i) => walkSchema(`${where}/${key}/${i}`, sub));
  };
  const walkExamples = (where: string, holder: Json) => {
    const schema = holder.schema as Json | undefined;
    if (!schema) return;
    walkSchema(`${where} schema`, schema);
    if (holder.example !== undefined) check(`${where} example`, schema, holder.example);
    for (const [name, named] of Object.entries((holder.examples ?? {}) as Record<string, Json>))
      check(`${where} examples.${name}`, schema, named.value);
  };
  const walkContent = (where: string, content: unknown) => {
    for (const [type, media] of Object.entries((content ?? {}) as Record<string, Json>))
      walkExamples(`${where} ${type}`, media);
  };
  const walkOperation = (where: string, op: Json) => {
    for (const p of parametersOf(op))
      walkExamples(`${where} ${p.in} parameter ${p.name}`, p as unknown as Json);
    walkContent(`${where} request`, (op.requestBody as Json | undefined)?.content);
    for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
      walkContent(`${where} ${status}`, response.content);
      for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>))
        walkExamples(`${where} ${status} header ${name}`, header);
    }
  };
  for (const [name, schema] of Object.entries(components)) walkSchema(`#/components/schemas/${name}`, schema);
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) walkOperation(`${method.toUpperCase()} ${path}`, op);
  for (const [name, item] of Object.entries((doc.webhooks ?? {}) as Record<string, Record<string, Json>>))
    for (const [method, op] of Object.entries(item)) walkOperation(`webhook ${name} ${method}`, op);
  return problems;
}

/**
 * The example request with values only the server's state can give put in: `fields` maps a path
 * into the request (`body.applicants[0].passportScan[0].ref`, `header.Idempotency-Key`,
 * `path.agency`) to its value. Each path must already be in the example (so the example keeps the
 * real request's shape); a path that is not throws.
 */
export function substituted(request: ExampleRequest, fields: Record<string, unknown>): ExampleRequest {
  const copy = structuredClone(request) as unknown as Json;
  for (const [path, value] of Object.entries(fields)) {
    const keys = [...path.matchAll(/[^.[\]]+/g)].map((m) => m[0]);
    let node: unknown = copy;
    for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[key];
    const last = keys.at(-1)!;
    if (!node || typeof node !== 'object' || !(last in node))
      throw new Error(`${path} is not in the documented example`);
    (node as Record<string, unknown>)[last] = value;
  }
  return copy as unknown as ExampleRequest;
}
