/**
 * The public side of issued e-visas (no login): the JWK set of the e-visa code key — all a border
 * guard's or a hotel's app needs to check a visa offline — and the check of a scanned code here,
 * against that same published set only (no table, no stored visa: what the code carries is all
 * there is to say). A code that does not verify is a 422 whose code says why.
 */
import { BusinessRuleError } from '../../../../platform/kernel/errors';
import type { VisaCodeData } from '../../domain/visa-code';
import { bakuDate } from '../../domain/time';
import type { EVisaKeyDeps } from '../../ports';
import { visaCheckLine } from '../visa-document';
import { verifyVisaCode, visaCodeKeySet, type VisaCodeKeySet } from '../visa-document-keys';

/** The published key set: the current e-visa code key (retired keys join it when one is rotated). */
export function evisaKeySet(deps: Pick<EVisaKeyDeps, 'visaSigner'>): Promise<VisaCodeKeySet> {
  return visaCodeKeySet(deps.visaSigner);
}

export interface VerifiedVisa {
  valid: true;
  visa: VisaCodeData;
  /** The line printed on the visa under the QR code, to compare by eye. */
  checkLine: string;
  /** Where today (Baku) is against the visa's validity. */
  period: 'not-yet-valid' | 'current' | 'expired';
}

/** Problem codes of a code that does not verify (localized titles in the HTTP layer). */
export const visaCodeProblems = {
  malformed: 'visa_code_malformed',
  unsupported_version: 'visa_code_unsupported_version',
  unknown_key: 'visa_code_unknown_key',
  bad_signature: 'visa_code_bad_signature',
} as const;

/** The visa's data when the code's signature verifies with the published key set; else a 422. */
export async function verifyEVisa(deps: EVisaKeyDeps, code: string): Promise<VerifiedVisa> {
  const result = verifyVisaCode(code, await evisaKeySet(deps));
  if (!result.ok) {
    throw new BusinessRuleError(
      visaCodeProblems[result.problem],
      `The visa code does not verify (${result.problem})`,
    );
  }
  const today = bakuDate(deps.clock.now().toISOString());
  const visa = result.data;
  return {
    valid: true,
    visa,
    checkLine: visaCheckLine(visa),
    period: today < visa.validFrom ? 'not-yet-valid' : today > visa.validUntil ? 'expired' : 'current',
  };
}
