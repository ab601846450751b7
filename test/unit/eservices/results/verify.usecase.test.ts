import { describe, expect, it } from 'vitest';
import {
  evisaKeySet,
  issueVisaDocument,
  verifyEVisa,
  visaCodeProblems,
} from '../../../../functions/modules/eservices';
import { BusinessRuleError } from '../../../../functions/platform/kernel/errors';
import { toProblem } from '../../../../functions/platform/http/problem';
import { ManualClock } from '../../../support/fakes/clock';
import { visaInput } from '../visa-document/builders';
import { MemorySigner } from '../visa-document/signer';

const at = (iso: string) => new ManualClock(iso);

/** The problem code a verification fails with. */
async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BusinessRuleError);
  return (error as BusinessRuleError).code;
}

describe('the public e-visa check', () => {
  it('publishes the current key as a JWK set', async () => {
    // Arrange
    const signer = new MemorySigner();

    // Act
    const set = await evisaKeySet({ visaSigner: signer });

    // Assert
    expect(set.keys).toHaveLength(1);
    expect(set.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
  });

  it('answers the visa’s data and where today is against its validity', async () => {
    // Arrange: valid 10.05.2026–07.08.2026.
    const signer = new MemorySigner();
    const issued = await issueVisaDocument(signer, visaInput());

    // Act
    const before = await verifyEVisa({ visaSigner: signer, clock: at('2026-05-09T19:00:00Z') }, issued.code);
    const first = await verifyEVisa({ visaSigner: signer, clock: at('2026-05-09T20:00:00Z') }, issued.code);
    const last = await verifyEVisa({ visaSigner: signer, clock: at('2026-08-07T19:59:59Z') }, issued.code);
    const after = await verifyEVisa({ visaSigner: signer, clock: at('2026-08-07T20:00:00Z') }, issued.code);

    // Assert
    expect(first).toMatchObject({ valid: true, visa: issued.data, period: 'current' });
    expect(first.checkLine).toContain(issued.data.visaNumber);
    expect([before.period, last.period, after.period]).toEqual(['not-yet-valid', 'current', 'expired']);
  });

  it('refuses a changed character, another key’s code and text that is no code, each with its reason', async () => {
    // Arrange
    const signer = new MemorySigner();
    const other = new MemorySigner();
    const issued = await issueVisaDocument(signer, visaInput());
    const deps = { visaSigner: signer, clock: at('2026-06-01T00:00:00Z') };
    const at40 = issued.code[40] === 'A' ? 'B' : 'A';
    const changed = issued.code.slice(0, 40) + at40 + issued.code.slice(41);
    const foreign = (await issueVisaDocument(other, visaInput())).code;

    // Act
    const problems = await Promise.all([
      problemOf(verifyEVisa(deps, changed)),
      problemOf(verifyEVisa(deps, foreign)),
      problemOf(verifyEVisa(deps, 'https://example.com/visa')),
      problemOf(verifyEVisa(deps, `${issued.code} `)),
    ]);

    // Assert
    expect(problems[0]).toMatch(/^visa_code_(bad_signature|malformed)$/);
    expect(problems.slice(1)).toEqual([
      'visa_code_unknown_key',
      'visa_code_malformed',
      'visa_code_malformed',
    ]);
  });

  it('names every reason in Azerbaijani, English and Russian as a 422', () => {
    for (const code of Object.values(visaCodeProblems)) {
      const titles = (['az', 'en', 'ru'] as const).map((lang) => {
        const problem = toProblem(new BusinessRuleError(code, 'x'), lang);
        expect(problem.status).toBe(422);
        expect(problem.body.code).toBe(code);
        return problem.body.title;
      });
      expect(new Set(titles).size).toBe(3);
      expect(titles.every((t) => t.length > 20 && !t.includes('visa_code'))).toBe(true);
    }
  });
});
