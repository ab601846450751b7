import type { Actor } from '../../../platform/kernel/aggregate';
import { noteRead, visibleDocument, type DocumentRecord, type DocumentSignature } from '../../documents';
import type { Employee, Tenant } from '../../org';
import { requisitesOf, type RequisiteCheck } from '../domain/requisites';
import { readSignatures } from '../pdf/pades';
import type { SignaturesDeps } from './deps';
import { AGENCY_CA, fromB64, type AgencyCaRecord } from './kms-cms';
import { readServedFile } from './single-file.usecase';
import { checkSignature } from './signature-check';

/** One signature of the file as verified. */
export interface SignatureVerification {
  fieldName: string;
  subFilter: string;
  /** The signed byte ranges: [start, length] pairs as in /ByteRange. */
  byteRange: number[];
  /** The ranges cover the file as of the revision that added the signature (all of it but /Contents). */
  coversRevision: boolean;
  /** The ranges cover the whole file as served (no update after it). */
  coversWholeFile: boolean;
  /** The CMS signature verifies and its message digest is that of the covered bytes. */
  integrity: boolean;
  /** The signer's certificate chains to the agency's CA and was valid at the signing time. */
  chain: boolean;
  /** The signer's right at the signing time, as recorded with the decision and bound to this certificate. */
  authority: boolean;
  valid: boolean;
  signer: { subject: string; issuer: string; serialNumber: string; notAfter: string };
  signerName?: string;
  right?: DocumentSignature['right'];
  positionTitle?: string;
  onBehalfOf?: string;
  onBehalfOfName?: string;
  signedAt?: string;
}

export interface FileVerification {
  sha256: string;
  size: number;
  /** Every signature valid (and at least one). */
  valid: boolean;
  ca?: { subject: string; fingerprint: string };
  requisites: RequisiteCheck[];
  signatures: SignatureVerification[];
}

/**
 * Verifies the document's single file (Decree 935 §144.4, §145): for every signature in the PDF
 * its integrity (the CMS over exactly the bytes its /ByteRange covers), its certificate's chain to
 * the agency's CA and validity at the signing time, the signer's authority as recorded when they
 * signed, which bytes it covers; and the document's requisites (§145.2).
 */
export async function verifySingleFile(
  deps: SignaturesDeps,
  actor: Actor,
  id: string,
): Promise<FileVerification> {
  const doc = await visibleDocument(deps, actor, id);
  const verification = await verifyDocumentFile(deps, actor, doc);
  await noteRead(deps, actor, doc, `single file verified: ${verification.sha256}`);
  return verification;
}

/** The verification of a document the caller has already been allowed to see. */
export async function verifyDocumentFile(
  deps: SignaturesDeps,
  actor: Actor,
  doc: DocumentRecord,
): Promise<FileVerification> {
  const file = await readServedFile(deps, actor, doc);
  const [tenant, ca] = await Promise.all([
    deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId),
    deps.store.get<AgencyCaRecord>(AGENCY_CA, doc.tenantId, doc.tenantId),
  ]);
  const recorded = new Map((doc.signatures ?? []).map((s) => [s.fieldName, s]));
  const peopleIds = (doc.signatures ?? []).flatMap((s) => [
    s.signerId,
    ...(s.onBehalfOf ? [s.onBehalfOf] : []),
  ]);
  const people = new Map(
    (await deps.store.getMany<Employee>('employee', doc.tenantId, [...new Set(peopleIds)])).map((e) => [
      e.id,
      e.fullName,
    ]),
  );
  const caCert = ca ? fromB64(ca.certificate) : undefined;
  const found = await readSignatures(file.bytes);
  const signatures = found.map((s): SignatureVerification => {
    const entry = recorded.get(s.fieldName);
    const { integrity, chain, authority, certificate: cert } = checkSignature(s, entry, caCert);
    return {
      fieldName: s.fieldName,
      subFilter: s.subFilter,
      byteRange: s.byteRange,
      coversRevision: s.coversRevision,
      coversWholeFile: s.coversWholeFile,
      integrity,
      chain,
      authority,
      valid: integrity && chain && authority && s.coversRevision,
      signer: {
        subject: cert?.subject ?? '',
        issuer: cert?.issuer ?? '',
        serialNumber: cert?.serialNumber ?? '',
        notAfter: cert?.notAfter ?? '',
      },
      ...(entry
        ? {
            signerName: people.get(entry.signerId) ?? entry.signerId,
            right: entry.right,
            positionTitle: entry.positionTitle,
            signedAt: entry.at,
            ...(entry.onBehalfOf
              ? {
                  onBehalfOf: entry.onBehalfOf,
                  onBehalfOfName: people.get(entry.onBehalfOf) ?? entry.onBehalfOf,
                }
              : {}),
          }
        : {}),
    };
  });
  return {
    sha256: file.record.sha256,
    size: file.bytes.length,
    valid: signatures.length > 0 && signatures.every((s) => s.valid),
    ...(ca ? { ca: { subject: ca.subject, fingerprint: ca.fingerprint } } : {}),
    requisites: requisitesOf(doc, tenant?.name.az),
    signatures,
  };
}
