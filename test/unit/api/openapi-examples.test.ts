import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/api/openapi';
import { exampleViolations, missingExamples, publicOperations } from '../../support/contract';

/**
 * The OpenAPI document's examples are part of the contract: each one validates against the schema
 * it stands in, and each public operation shows a whole request and its answer by example (the
 * contract test, test/integration/eservices-contract, sends exactly those requests).
 */
type Doc = Parameters<typeof missingExamples>[0];
const document = () => openApiDocument() as Doc;

describe('the OpenAPI document’s examples', () => {
  it('every example validates against the schema it belongs to', () => {
    // Arrange
    const doc = document();

    // Act
    const violations = exampleViolations(doc);

    // Assert
    expect(violations).toEqual([]);
  });

  it('every public operation has examples of its parameters, its body and its success answer', () => {
    // Arrange
    const doc = document();

    // Act
    const missing = missingExamples(doc);

    // Assert
    expect(publicOperations(doc).length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('a public operation added without examples is reported, each part by name', () => {
    // Arrange
    const doc = document();
    const submit = publicOperations(doc).find((o) => o.operationId === 'submitApplication')!;
    const bare = structuredClone(submit.operation) as Record<string, unknown> & {
      parameters: Array<Record<string, unknown>>;
      requestBody: { content: Record<string, Record<string, unknown>> };
      responses: Record<string, { content: Record<string, Record<string, unknown>> }>;
    };
    bare.operationId = 'renewVisa';
    for (const p of bare.parameters) delete p.example;
    bare.parameters = bare.parameters.map((p) => ({ ...p, schema: { type: 'string', maxLength: 40 } }));
    bare.requestBody.content['application/json'] = { schema: { type: 'object' } };
    bare.responses['201']!.content['application/json'] = { schema: { type: 'object' } };
    doc.paths['/api/public/v1/agencies/{agency}/visas/renew'] = { post: bare };

    // Act
    const missing = missingExamples(doc);

    // Assert
    expect(missing).toEqual([
      'renewVisa: path parameter agency',
      'renewVisa: path parameter code',
      'renewVisa: header parameter Idempotency-Key',
      'renewVisa: request body',
      'renewVisa: 201 response body',
    ]);
  });

  it('an example that does not fit its schema is reported where it stands', () => {
    // Arrange
    const doc = document();
    const components = (doc.components as { schemas: Record<string, { examples?: unknown[] }> }).schemas;
    const status = components.ApplicationStatusRequest!;
    status.examples = [{ number: '7K3M-9QX2-HT4B-W8RC' }];
    const keys = publicOperations(doc).find((o) => o.operationId === 'listCatalogue')!;
    const limit = (keys.operation.parameters as Array<Record<string, unknown>>).find(
      (p) => p.name === 'limit',
    )!;
    limit.example = 500;

    // Act
    const violations = exampleViolations(doc);

    // Assert
    expect(violations).toEqual([
      expect.stringMatching(
        /^#\/components\/schemas\/ApplicationStatusRequest examples\[0\]: .*secondFactor/,
      ),
      expect.stringMatching(
        /^GET \/api\/public\/v1\/agencies\/\{agency\}\/services query parameter limit example: /,
      ),
    ]);
  });
});
