import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument as serverOpenApiDocument } from '../functions/api/openapi';
import { documentKinds, statusesOf } from '../functions/modules/documents';

/**
 * Writes the web app's view of the API contract, generated from the OpenAPI document that
 * scripts/openapi.ts prints (the one the gateway serves at /api/openapi.json), which in turn comes
 * from the server's zod schemas:
 *
 * - `web/api/schema.d.ts`: the TypeScript types, by openapi-typescript. Response headers
 *   (RateLimit-*, CORS) are left out: the web app never reads them, and they are half of the size.
 * - `web/api/enums.ts`: the enumerations the UI needs as values (pick lists, menus, static routes),
 *   each read from its place in the document, in the document's order; and the statuses of each
 *   document kind, which the document types as a plain string, from the server's status machines.
 *
 * Both are build artefacts (git ignores them): `npm ci` writes them (the `prepare` script), and so
 * do `npm test` and the web build, before anything reads them. The web app imports no server code;
 * this script is where the server's knowledge crosses over.
 */
const SCHEMA_TARGET = resolve('web/api/schema.d.ts');
const ENUMS_TARGET = resolve('web/api/enums.ts');
const BANNER = `/**
 * Generated from the OpenAPI document by scripts/web-api-types.ts (npm ci, npm test and the web
 * build run it). Do not edit and do not commit: change the server's schemas instead.
 */

`;

type Node = unknown;

interface OpenApiDocument {
  paths: Record<string, Record<string, Node>>;
  components?: { schemas?: Record<string, Node> };
}

/** The OpenAPI document as scripts/openapi.ts prints it (one source: the server's zod schemas). */
export function openApiDocument(): OpenApiDocument {
  return JSON.parse(JSON.stringify(serverOpenApiDocument())) as OpenApiDocument;
}

/** The node at `path` below `node` (undefined when a step is missing). */
function at(node: Node, ...path: string[]): Node {
  for (const key of path) node = (node as Record<string, Node> | undefined)?.[key];
  return node;
}

type Locate = (doc: OpenApiDocument) => Node;

const schemaEnum =
  (name: string, ...path: string[]): Locate =>
  (doc) =>
    at(doc, 'components', 'schemas', name, ...path, 'enum');

const parameterEnum =
  (path: string, method: string, name: string): Locate =>
  (doc) =>
    (
      at(doc, 'paths', path, method, 'parameters') as
        Array<{ name: string; schema?: { enum?: Node } }> | undefined
    )?.find((p) => p.name === name)?.schema?.enum;

type BodyMember = { properties?: Record<string, { enum?: string[] } | undefined> };

/** The enum of `field` in the member of POST /reference/{list}'s body that `which` picks. */
const referenceBodyEnum =
  (field: string, which: (member: BodyMember) => boolean): Locate =>
  (doc) => {
    const members = at(
      doc,
      ...['paths', '/api/v1/reference/{list}', 'post', 'requestBody', 'content', 'application/json'],
      ...['schema', 'anyOf'],
    ) as BodyMember[] | undefined;
    return members?.find(which)?.properties?.[field]?.enum;
  };
/** The member whose enum of `field` holds `sample`. */
const holding = (field: string, sample: string) => (m: BodyMember) =>
  m.properties?.[field]?.enum?.includes(sample) === true;
/** The journal rules' member (it names a journal). */
const journalRules = (m: BodyMember) => m.properties?.journalId !== undefined;

/** Where each enumeration the web app needs as values stands in the document. */
export const enumSources: Record<string, Locate> = {
  roles: schemaEnum('Me', 'properties', 'roles', 'items'),
  positionKinds: schemaEnum('Position', 'properties', 'kind'),
  absenceKinds: schemaEnum('Absence', 'properties', 'kind'),
  referenceLists: schemaEnum('ReferenceItem', 'properties', 'list'),
  documentKinds: schemaEnum('Document', 'properties', 'kind'),
  journalKinds: referenceBodyEnum('documentKind', holding('documentKind', 'any')),
  counterpartKinds: referenceBodyEnum('kind', holding('kind', 'state-body')),
  regionKinds: referenceBodyEnum('kind', holding('kind', 'city')),
  ruleDocumentKinds: referenceBodyEnum('documentKind', journalRules),
  senderKinds: referenceBodyEnum('senderKind', journalRules),
  orderCategories: schemaEnum('Document', 'properties', 'order', 'properties', 'category'),
  executionCharacters: schemaEnum('Document', 'properties', 'internal', 'properties', 'executionCharacter'),
  linkTypes: schemaEnum('LinkedDocument', 'properties', 'type'),
  operations: schemaEnum('Document', 'properties', 'allowedOperations', 'items'),
  stageKinds: schemaEnum('ApprovalStage', 'properties', 'kind'),
  stageModes: schemaEnum('ApprovalStage', 'properties', 'mode'),
  assignmentActions: parameterEnum(
    '/api/v1/documents/{id}/assignments/{assignmentId}/{action}',
    'post',
    'action',
  ),
  inboxBoxes: parameterEnum('/api/v1/inbox/{box}', 'get', 'box'),
  receivedStates: schemaEnum('ReceivedItem', 'properties', 'state'),
  webhookEventTypes: schemaEnum('WebhookEventType'),
};

/** The enumerations of `doc`, by name; throws naming the first one the document does not have. */
export function enumsOf(doc: OpenApiDocument): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, locate] of Object.entries(enumSources)) {
    const values = locate(doc);
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) {
      throw new Error(
        `the OpenAPI document has no string enum for ${name}: see enumSources in ${import.meta.url}`,
      );
    }
    out[name] = values as string[];
  }
  return out;
}

const literal = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

/** The text of web/api/enums.ts for `doc`. */
export function enumsModule(doc: OpenApiDocument): string {
  const lines = Object.entries(enumsOf(doc)).map(
    ([name, values]) => `export const ${name} = ${literal(values)} as const;`,
  );
  const statuses = documentKinds.map((kind) => `  ${JSON.stringify(kind)}: ${literal(statusesOf(kind))},`);
  return [
    BANNER.trimEnd(),
    '',
    ...lines,
    '',
    '/** The statuses of each document kind, in the order of its life (from the server’s status machines). */',
    'export const documentStatuses: Readonly<Record<(typeof documentKinds)[number], readonly string[]>> = {',
    ...statuses,
    '};',
    '',
  ].join('\n');
}

/** The text of web/api/schema.d.ts for `doc`. */
export async function schemaModule(doc: OpenApiDocument): Promise<string> {
  const copy = structuredClone(doc);
  for (const item of Object.values(copy.paths)) {
    for (const op of Object.values(item)) {
      const responses = (op as { responses?: Record<string, { headers?: unknown }> } | null)?.responses;
      if (responses) for (const response of Object.values(responses)) delete response.headers;
    }
  }
  const ast = await openapiTS(copy as unknown as Parameters<typeof openapiTS>[0]);
  return BANNER + astToString(ast);
}

/** Writes both files where their text differs from this tree's document; says which it wrote. */
export async function writeWebApiFiles(): Promise<string[]> {
  const doc = openApiDocument();
  const written: string[] = [];
  for (const [target, text] of [
    [SCHEMA_TARGET, await schemaModule(doc)],
    [ENUMS_TARGET, enumsModule(doc)],
  ] as const) {
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    writeFileSync(target, text);
    written.push(target);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = await writeWebApiFiles();
  process.stdout.write(written.length ? `wrote ${written.join(' and ')}\n` : 'web/api is up to date\n');
}
