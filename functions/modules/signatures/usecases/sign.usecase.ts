import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/kernel/aggregate';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { DocumentRecord, DocumentSignature, ElectronicSignatures, SigningRight } from '../../documents';
import type { Employee, Position, Tenant } from '../../org';
import { positionWithRight, reasonOf } from '../domain/authority';
import { certificateInfo } from '../crypto/x509';
import { appendSignature } from '../pdf/pades';
import type { SignaturesDeps } from './deps';
import { kmsCmsSigner } from './kms-cms';
import { putOnce, readServedFile, singleFileKey } from './single-file.usecase';

/** Refuses someone without the right (422), saying which right. */
function noRight(right: SigningRight): BusinessRuleError {
  return right === 'sign'
    ? new BusinessRuleError('no_signing_right', 'No signing right at this moment')
    : new BusinessRuleError('no_endorsing_right', 'No right to endorse at this moment');
}

/**
 * The authority a signature exercises: the official's position that carries the right (the
 * signer's own, or — when a substitute signs on their behalf — the absent official's, checked
 * against today's substitution), read from the store at this moment.
 */
async function authority(
  deps: SignaturesDeps,
  actor: Actor,
  right: SigningRight,
  onBehalfOf: string | undefined,
): Promise<{ official: Employee; signer: Employee; position: Position; signerPositionId: string }> {
  const officialId = onBehalfOf ?? actor.employeeId;
  if (officialId !== actor.employeeId && !actor.reach?.actingFor.includes(officialId)) throw noRight(right);
  const people = await deps.store.getMany<Employee>('employee', actor.tenantId, [
    ...new Set([actor.employeeId, officialId]),
  ]);
  const official = people.find((e) => e.id === officialId);
  const signer = people.find((e) => e.id === actor.employeeId);
  if (!official?.active || !signer?.active) throw noRight(right);
  const ids = [...new Set([...official.positionIds, ...signer.positionIds])];
  const positions = await deps.store.getMany<Position>('position', actor.tenantId, ids);
  const position = positionWithRight(official.positionIds, positions, right);
  if (!position) throw noRight(right);
  // The signer's certificate names their own position: the official's own, or the substitute's first.
  const signerPositionId =
    signer.id === official.id
      ? position.id
      : (signer.positionIds.find((id) => positions.some((p) => p.id === id && p.active)) ?? position.id);
  return { official, signer, position, signerPositionId };
}

/**
 * Signs the document's single file for the actor exercising `right`: an incremental PAdES update
 * on the file as it stands (so every earlier signature stays valid), stored content-addressed
 * (write-once) in the attachments bucket. Nothing refers to the new revision until the caller
 * commits the returned entry with its decision; a failure (no right, KMS, storage) throws before
 * anything is committed, and a commit that fails leaves only an unreferenced object.
 */
export async function signSingleFile(
  deps: SignaturesDeps,
  actor: Actor,
  doc: DocumentRecord,
  request: { right: SigningRight; at: string; onBehalfOf?: string },
): Promise<DocumentSignature> {
  const { right, at } = request;
  const who = await authority(deps, actor, right, request.onBehalfOf);
  const onBehalfOf = who.official.id !== who.signer.id ? who.official.id : undefined;
  const file = await readServedFile(deps, actor, doc);
  const tenant = await deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId);
  const seq = (doc.signatures?.length ?? 0) + 1;
  const fieldName = `${right === 'sign' ? 'Imza' : 'Viza'}-${seq}`;
  const signer = deps.cmsSigner ?? kmsCmsSigner(deps);
  let certificate: Uint8Array | undefined;
  const signingTime = new Date(at);
  const signed = await appendSignature(
    file.bytes,
    {
      fieldName,
      name: who.signer.fullName,
      reason: reasonOf(right, who.position.title.az, onBehalfOf ? who.official.fullName : undefined),
      ...(tenant?.legalAddress ? { location: tenant.legalAddress } : {}),
      signingTime,
    },
    async (digest) => {
      const out = await signer.sign({
        tenantId: doc.tenantId,
        signerId: who.signer.id,
        positionId: who.signerPositionId,
        digest,
        signingTime,
      });
      certificate = out.certificate;
      return out.cms;
    },
  );
  const sha256 = createHash('sha256').update(signed.bytes).digest('hex');
  const key = singleFileKey(doc, sha256);
  const versionId = await putOnce(deps, key, signed.bytes);
  const cert = certificateInfo(certificate!);
  return {
    right,
    signerId: who.signer.id,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    positionId: who.position.id,
    positionTitle: who.position.title.az,
    at,
    onVersion: doc.version,
    fieldName,
    certificateSerial: cert.serialNumber,
    certificateSha256: cert.fingerprint256,
    sha256,
    size: signed.bytes.length,
    key,
    ...(versionId ? { versionId } : {}),
    byteRange: signed.byteRange,
  };
}

/** The documents module's port (ElectronicSignatures) on this module. */
export function electronicSignatures(deps: SignaturesDeps): ElectronicSignatures {
  return { sign: (actor, doc, request) => signSingleFile(deps, actor, doc, request) };
}
