import { checkCms } from '../crypto/cms';
import { certificateInfo, issuedBy, validAt } from '../crypto/x509';
import type { FoundSignature } from '../pdf/pades';

/** What the signer's record says of a signature: when it was made, and the certificate it is bound to. */
export interface RecordedSignature {
  at: string;
  certificateSha256: string;
}

export interface SignatureCheck {
  /** The CMS verifies over exactly the bytes its /ByteRange covers, with the certificate it names. */
  integrity: boolean;
  /** The certificate chains to the CA given and was valid at the recorded signing time. */
  chain: boolean;
  /** The record of the signature is bound to this certificate (the signer's right as recorded). */
  authority: boolean;
  certificate?: ReturnType<typeof certificateInfo>;
}

/**
 * One PAdES signature checked against a CA and the record of who signed (Decree 935 §145): the one
 * rule both the sender's own verification and the recipient's verification of a received file use.
 */
export function checkSignature(
  found: FoundSignature,
  recorded: RecordedSignature | undefined,
  caCertificate: Uint8Array | undefined,
): SignatureCheck {
  const cms = checkCms(found.cms, found.digest);
  const certificate = cms.certificate ? certificateInfo(cms.certificate) : undefined;
  const integrity =
    found.wellFormed && cms.signatureValid && cms.digestMatches && cms.signingCertificateMatches;
  const at = recorded ? new Date(recorded.at) : undefined;
  const chain =
    !!cms.certificate &&
    !!caCertificate &&
    issuedBy(cms.certificate, caCertificate) &&
    (!at || validAt(cms.certificate, at));
  const authority = !!recorded && !!certificate && recorded.certificateSha256 === certificate.fingerprint256;
  return { integrity, chain, authority, ...(certificate ? { certificate } : {}) };
}
