import type { Actor } from '../../../platform/kernel/aggregate';
import type { DocumentRecord, SignatureEvidence, SignatureSource } from '../../documents';
import type { SignaturesDeps } from './deps';
import { verifyDocumentFile } from './verify.usecase';

/**
 * The signatures the pre-send check (§147) sees: the PAdES signatures of the single file as the
 * verification finds them, each with the right its signer exercised for this document. A signature
 * counts as the document's signature when it was made with the signing right by its own signatory,
 * or by their substitute on their behalf; one that does not verify is reported as invalid, and one
 * the system has no record of (added outside it) as made without the right.
 */
export function verifiedSignatureEvidence(deps: SignaturesDeps): SignatureSource {
  return {
    async signaturesOf(actor: Actor, doc: DocumentRecord): Promise<SignatureEvidence[]> {
      if (!doc.signatures?.length) return [];
      const signatoryId = doc.outgoing?.signatoryId ?? doc.internal?.signatoryId ?? doc.order?.signatoryId;
      const recorded = new Map(doc.signatures.map((s) => [s.fieldName, s]));
      const verification = await verifyDocumentFile(deps, actor, doc);
      return verification.signatures.map((v): SignatureEvidence => {
        const entry = recorded.get(v.fieldName);
        if (!entry) return { employeeId: '', right: 'none', valid: false, at: v.signedAt ?? '' };
        const official = entry.onBehalfOf ?? entry.signerId;
        const right =
          entry.right === 'endorse'
            ? 'endorse'
            : official !== signatoryId
              ? 'none'
              : entry.onBehalfOf
                ? 'sign-on-behalf'
                : 'sign';
        return {
          employeeId: entry.signerId,
          ...(entry.onBehalfOf ? { onBehalfOf: entry.onBehalfOf } : {}),
          right,
          valid: v.valid,
          at: entry.at,
        };
      });
    },
  };
}
