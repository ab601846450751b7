import type { Actor } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import type { Employee } from '../../org';
import { AGENCY_CA, checkSignature, fromB64, readSignatures, type AgencyCaRecord } from '../../signatures';
import { sha256Hex } from './envelope';
import {
  RECEIVED,
  receivedWriteOptions,
  type ReceivedItem,
  type ReceivedSignatureCheck,
  type ReceivedTrust,
  type ReceivedVerification,
} from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { receivedItemOf } from './queue.usecase';
import { receivedView } from './view';

/** The sender's trust anchors, read by the system from the sender's own data (stream consumer only). */
export async function trustOf(
  deps: ExchangeDeps,
  origin: { tenantId: string; documentId: string },
): Promise<ReceivedTrust> {
  const [ca, doc] = await Promise.all([
    deps.store.get<AgencyCaRecord>(AGENCY_CA, origin.tenantId, origin.tenantId),
    deps.documents.get(origin.tenantId, origin.documentId),
  ]);
  const people = new Map(
    (
      await deps.store.getMany<Employee>('employee', origin.tenantId, [
        ...new Set((doc?.signatures ?? []).map((s) => s.signerId)),
      ])
    ).map((e) => [e.id, e.fullName]),
  );
  return {
    ...(ca ? { caCertificate: ca.certificate } : {}),
    signatures: (doc?.signatures ?? []).map((s) => ({
      fieldName: s.fieldName,
      certificateSha256: s.certificateSha256,
      at: s.at,
      right: s.right,
      positionTitle: s.positionTitle,
      signerName: people.get(s.signerId) ?? s.signerId,
    })),
  };
}

/**
 * Verifies a received single file (Decree 935 §145) against the sender's trust anchors as the
 * system read them (`trustOf`): every PAdES signature's integrity (the CMS over exactly the bytes
 * its /ByteRange covers), its certificate's chain to the SENDING agency's CA (never a CA carried
 * with the file) and validity at the signing time, and the signer's authority as the sender
 * recorded it with the signature, bound to the certificate's fingerprint. `declaredSha256` is what
 * the sender said it sent: other bytes are an integrity fault.
 */
export async function verifyReceivedFile(
  deps: Pick<ExchangeDeps, 'clock'>,
  trust: ReceivedTrust,
  bytes: Uint8Array,
  declaredSha256: string,
): Promise<ReceivedVerification> {
  const recorded = new Map(trust.signatures.map((s) => [s.fieldName, s]));
  const caCert = trust.caCertificate ? fromB64(trust.caCertificate) : undefined;
  let found: Awaited<ReturnType<typeof readSignatures>> = [];
  let readable = true;
  try {
    found = await readSignatures(bytes);
  } catch {
    readable = false;
  }
  const signatures = found.map((s): ReceivedSignatureCheck => {
    const entry = recorded.get(s.fieldName);
    const { integrity, chain, authority } = checkSignature(s, entry, caCert);
    return {
      fieldName: s.fieldName.slice(0, 200),
      ...(entry
        ? {
            signerName: entry.signerName.slice(0, 300),
            positionTitle: entry.positionTitle.slice(0, 500),
            right: entry.right.slice(0, 40),
            signedAt: entry.at,
          }
        : {}),
      integrity,
      chain,
      authority,
      valid: integrity && chain && authority && s.coversRevision,
    };
  });
  const problems = new Set<string>();
  if (!readable || sha256Hex(bytes) !== declaredSha256) problems.add('integrity');
  if (signatures.length === 0) problems.add('unsigned');
  for (const s of signatures) {
    if (!s.integrity) problems.add('integrity');
    if (!s.chain) problems.add('chain');
    if (!s.authority) problems.add('authority');
  }
  if (found.some((s) => !s.coversRevision)) problems.add('coverage');
  return {
    checkedAt: deps.clock.now().toISOString(),
    valid: problems.size === 0 && signatures.every((s) => s.valid),
    signed: signatures.length > 0,
    problems: [...problems],
    signatures: signatures.slice(0, 50),
  };
}

/** The received item's stored single file, checked against its recorded SHA-256 (altered: undefined). */
export async function storedFileOf(deps: ExchangeDeps, item: ReceivedItem) {
  const file = item.files.find((f) => f.singleFile) ?? item.files[0];
  if (!file || !deps.objects) return undefined;
  const bytes = await deps.objects.get({
    bucket: 'attachments',
    key: file.key,
    ...(file.versionId ? { versionId: file.versionId } : {}),
  });
  return { file, bytes };
}

/**
 * POST /exchange/received/{id}/verify: the received file verified again as it is stored now (a
 * file missing or altered since it arrived fails its integrity). Only platform items carry
 * signatures to check; an e-mail item keeps what its intake found.
 */
export async function reverifyReceived(deps: ExchangeDeps, actor: Actor, id: string) {
  const item = await receivedItemOf(deps, actor, id);
  if (item.source !== 'platform' || !item.trust) return receivedView(item);
  const stored = await storedFileOf(deps, item);
  if (!stored) throw new ConflictError('content_missing', 'The received file is missing', {});
  const verification = stored.bytes
    ? await verifyReceivedFile(deps, item.trust, stored.bytes, stored.file.sha256)
    : {
        checkedAt: deps.clock.now().toISOString(),
        valid: false,
        signed: false,
        problems: ['integrity'],
        signatures: [],
      };
  const next: ReceivedItem = { ...item, verification, updatedAt: deps.clock.now().toISOString() };
  const saved = await deps.store.update(
    RECEIVED,
    next,
    item.version,
    receivedWriteOptions(next, actor.employeeId, false),
  );
  return receivedView(saved);
}
