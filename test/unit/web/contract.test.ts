import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentKinds as serverDocumentKinds } from '../../../functions/modules/documents/domain/document';
import { statusesOf } from '../../../functions/modules/documents/domain/status';
import * as contract from '../../../web/api/contract';

/**
 * The web app declares the contract's enumerations it needs as values (web/api/contract.ts): each
 * list must be the OpenAPI document's enum, in the same order (pick lists show that order).
 */
let doc: unknown;

beforeAll(() => {
  // The document exactly as scripts/openapi.ts prints it (and the gateway serves it).
  doc = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/openapi.ts'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
});

/** The node at `path` in the document (undefined when a step is missing). */
function at(...path: string[]): unknown {
  let node = doc;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

const schema = (name: string, ...path: string[]) => at('components', 'schemas', name, ...path, 'enum');

const parameter = (path: string, method: string, name: string) =>
  (at('paths', path, method, 'parameters') as Array<{ name: string; schema: { enum?: unknown } }>).find(
    (p) => p.name === name,
  )?.schema.enum;

/** The enum of `field` in the member of POST /reference/{list}'s body whose enum holds `sample`. */
const referenceBodyEnum = (field: string, sample: string) => {
  const members = at(
    'paths',
    '/api/v1/reference/{list}',
    'post',
    'requestBody',
    'content',
    'application/json',
    'schema',
    'anyOf',
  ) as Array<{
    properties: Record<string, { enum?: string[] } | undefined>;
  }>;
  return members.find((m) => m.properties[field]?.enum?.includes(sample))?.properties[field]?.enum;
};

describe('the web contract file matches the OpenAPI document', () => {
  it.each([
    ['roles', () => schema('Me', 'properties', 'roles', 'items')],
    ['positionKinds', () => schema('Position', 'properties', 'kind')],
    ['absenceKinds', () => schema('Absence', 'properties', 'kind')],
    ['referenceLists', () => schema('ReferenceItem', 'properties', 'list')],
    ['documentKinds', () => schema('Document', 'properties', 'kind')],
    ['journalKinds', () => referenceBodyEnum('documentKind', 'any')],
    ['counterpartKinds', () => referenceBodyEnum('kind', 'state-body')],
    ['regionKinds', () => referenceBodyEnum('kind', 'city')],
    ['orderCategories', () => schema('Document', 'properties', 'order', 'properties', 'category')],
    [
      'executionCharacters',
      () => schema('Document', 'properties', 'internal', 'properties', 'executionCharacter'),
    ],
    ['linkTypes', () => schema('LinkedDocument', 'properties', 'type')],
    ['operations', () => schema('Document', 'properties', 'allowedOperations', 'items')],
    ['stageKinds', () => schema('ApprovalStage', 'properties', 'kind')],
    ['stageModes', () => schema('ApprovalStage', 'properties', 'mode')],
    [
      'assignmentActions',
      () => parameter('/api/v1/documents/{id}/assignments/{assignmentId}/{action}', 'post', 'action'),
    ],
    ['inboxBoxes', () => parameter('/api/v1/inbox/{box}', 'get', 'box')],
  ] as const)('%s', (name, inDocument) => {
    const expected = inDocument();
    expect(expected, `the OpenAPI document has no enum for ${name}`).toBeInstanceOf(Array);
    expect(contract[name]).toEqual(expected);
  });

  // The document types a document's status as a string: the per-kind lists follow the server's
  // status machines until the contract enumerates them.
  it('documentStatuses are the statuses of each kind on the server', () => {
    expect(Object.keys(contract.documentStatuses)).toEqual([...serverDocumentKinds]);
    for (const kind of serverDocumentKinds) expect(contract.documentStatuses[kind]).toEqual(statusesOf(kind));
  });
});
