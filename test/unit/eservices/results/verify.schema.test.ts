import { describe, expect, it } from 'vitest';
import { verifyVisaCode, type VisaCodeKeySet } from '../../../../functions/modules/eservices';
import {
  verifiedVisa,
  verifyVisaBody,
  visaCodeKeySet,
} from '../../../../functions/modules/eservices/api/verify.schema';

const example = <T>(schema: { meta(): Record<string, unknown> | undefined }): T =>
  schema.meta()!.example as T;

describe('the OpenAPI examples of the public e-visa check', () => {
  it('are one real code that verifies with the example key set, and the answer it gets', () => {
    // Arrange
    const keys = visaCodeKeySet.parse(example(visaCodeKeySet)) as VisaCodeKeySet;
    const { code } = verifyVisaBody.parse(example(verifyVisaBody));
    const answer = verifiedVisa.parse(example(verifiedVisa));

    // Act
    const checked = verifyVisaCode(code, keys);

    // Assert
    expect(checked).toEqual({ ok: true, data: answer.visa });
  });
});
