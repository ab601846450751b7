import { beforeAll, describe, expect, it } from 'vitest';
import { documentKinds as serverDocumentKinds } from '../../../functions/modules/documents/domain/document';
import { statusesOf } from '../../../functions/modules/documents/domain/status';
import * as contract from '../../../web/api/contract';
import { enumSources, enumsOf, openApiDocument } from '../../../scripts/web-api-types';

/**
 * The web app's enumerations (web/api/enums.ts, re-exported by web/api/contract.ts) are generated
 * from the OpenAPI document: each must be found where scripts/web-api-types.ts looks for it, and
 * the file the web app compiles against must be the one this tree's document gives.
 */
let doc: ReturnType<typeof openApiDocument>;

beforeAll(() => {
  // The document exactly as scripts/openapi.ts prints it (and the gateway serves it).
  doc = openApiDocument();
});

describe('the web contract’s enumerations', () => {
  it('every enumeration the web app needs stands in the document, and the web app has this tree’s', () => {
    const enums = enumsOf(doc);
    expect(Object.keys(enums)).toEqual(Object.keys(enumSources));
    for (const [name, values] of Object.entries(enums)) {
      expect(contract[name as keyof typeof contract], name).toEqual(values);
    }
  });

  it('a document without one of them is refused by name, not turned into an empty pick list', () => {
    const withoutBoxes = structuredClone(doc);
    delete (withoutBoxes.paths as Record<string, unknown>)['/api/v1/inbox/{box}'];
    expect(() => enumsOf(withoutBoxes)).toThrow(/no string enum for inboxBoxes/);
  });

  it('documentStatuses are the statuses of each kind on the server, in the order of its life', () => {
    expect(Object.keys(contract.documentStatuses)).toEqual([...serverDocumentKinds]);
    for (const kind of serverDocumentKinds) expect(contract.documentStatuses[kind]).toEqual(statusesOf(kind));
  });
});
