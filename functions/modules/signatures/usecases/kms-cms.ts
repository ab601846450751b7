import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import type { SigningKeys } from '../../../platform/ports/signing.port';
import type { Employee, Position, Tenant } from '../../org';
import { rightsOf } from '../domain/authority';
import { buildCms } from '../crypto/cms';
import { certificateInfo, issueCertificate, validAt } from '../crypto/x509';
import type { CmsRequest, CmsResult, CmsSigner } from '../ports';
import type { SignaturesDeps } from './deps';

/**
 * The agency's certificate authority and its officials' keys: one KMS key per tenant with a
 * self-signed CA certificate (subject: the agency's name and VÖEN), one KMS key per signing official
 * with a certificate per position issued by the CA (subject: name, position, agency). Made at
 * first need (and by the seed for the demo agencies); no private key ever leaves KMS.
 */

export const AGENCY_CA = 'agency-ca' as const;
export const SIGNER_KEY = 'signer-key' as const;

const CA_YEARS = 20;
const SIGNER_YEARS = 3;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const fromB64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export interface AgencyCaRecord extends AggregateMeta {
  keyId: string;
  /** DER, base64. */
  certificate: string;
  fingerprint: string;
  subject: string;
}

export interface SignerCertificate {
  positionId: string;
  certificate: string;
  serialNumber: string;
  fingerprint: string;
  issuedAt: string;
}

export interface SignerKeyRecord extends AggregateMeta {
  employeeId: string;
  keyId: string;
  certificates: SignerCertificate[];
}

function keysOf(deps: SignaturesDeps): SigningKeys {
  if (!deps.signingKeys) throw new Error('Signing keys not configured');
  return deps.signingKeys;
}

/** Creates a record, or — when another request created it at the same moment — reads theirs. */
async function createOrRead<T extends AggregateMeta>(
  deps: SignaturesDeps,
  type: typeof AGENCY_CA | typeof SIGNER_KEY,
  record: T,
): Promise<T> {
  try {
    return (await deps.store.create(type, record, { actorId: 'system', sortKey: record.id })).item as T;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const stored = await deps.store.get<T>(type, record.tenantId, record.id);
    if (!stored) throw error;
    return stored;
  }
}

/** The tenant's CA: its KMS key and self-signed certificate, made at first need. */
export async function agencyCa(deps: SignaturesDeps, tenantId: string): Promise<AgencyCaRecord> {
  const found = await deps.store.get<AgencyCaRecord>(AGENCY_CA, tenantId, tenantId);
  if (found) return found;
  const tenant = await deps.store.get<Tenant>('tenant', tenantId, tenantId);
  const name = tenant?.name.az ?? tenantId;
  const keys = keysOf(deps);
  const keyId = await keys.createKey({ tenantId, owner: 'agency-ca', description: `Kargüzar CA: ${name}` });
  const now = deps.clock.now();
  const der = await issueCertificate({
    subject: {
      commonName: name,
      organization: name,
      ...(tenant?.voen ? { organizationIdentifier: `VATAZ-${tenant.voen}` } : {}),
      country: 'AZ',
    },
    publicKey: await keys.publicKey(keyId),
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + CA_YEARS * YEAR_MS),
    ca: true,
    sign: (digest) => keys.signDigest(keyId, digest),
  });
  const info = certificateInfo(der);
  return createOrRead<AgencyCaRecord>(deps, AGENCY_CA, {
    id: tenantId,
    tenantId,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    keyId,
    certificate: b64(der),
    fingerprint: info.fingerprint256,
    subject: info.subject,
  });
}

/** The official's key (made at first need). */
async function signerKey(
  deps: SignaturesDeps,
  tenantId: string,
  employeeId: string,
): Promise<SignerKeyRecord> {
  const found = await deps.store.get<SignerKeyRecord>(SIGNER_KEY, tenantId, employeeId);
  if (found) return found;
  const keyId = await keysOf(deps).createKey({
    tenantId,
    owner: employeeId,
    description: `Kargüzar signing key of ${employeeId}`,
  });
  const now = deps.clock.now().toISOString();
  return createOrRead<SignerKeyRecord>(deps, SIGNER_KEY, {
    id: employeeId,
    tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    employeeId,
    keyId,
    certificates: [],
  });
}

/**
 * The official's key and their certificate for a position, valid now: issued by the agency's CA
 * when missing or expired.
 */
export async function signerCertificate(
  deps: SignaturesDeps,
  tenantId: string,
  employeeId: string,
  positionId: string,
): Promise<{ keyId: string; certificate: Uint8Array; ca: AgencyCaRecord }> {
  const ca = await agencyCa(deps, tenantId);
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = await signerKey(deps, tenantId, employeeId);
    const held = record.certificates.find(
      (c) => c.positionId === positionId && validAt(fromB64(c.certificate), now),
    );
    if (held) return { keyId: record.keyId, certificate: fromB64(held.certificate), ca };
    const [employee, position, tenant] = await Promise.all([
      deps.store.get<Employee>('employee', tenantId, employeeId),
      deps.store.get<Position>('position', tenantId, positionId),
      deps.store.get<Tenant>('tenant', tenantId, tenantId),
    ]);
    const keys = keysOf(deps);
    const der = await issueCertificate({
      subject: {
        commonName: employee?.fullName ?? employeeId,
        title: position?.title.az ?? positionId,
        organization: tenant?.name.az ?? tenantId,
        country: 'AZ',
      },
      publicKey: await keys.publicKey(record.keyId),
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + SIGNER_YEARS * YEAR_MS),
      ca: false,
      issuer: fromB64(ca.certificate),
      sign: (digest) => keys.signDigest(ca.keyId, digest),
    });
    const info = certificateInfo(der);
    const certificates = [
      ...record.certificates.filter((c) => c.positionId !== positionId),
      {
        positionId,
        certificate: b64(der),
        serialNumber: info.serialNumber,
        fingerprint: info.fingerprint256,
        issuedAt: now.toISOString(),
      },
    ];
    try {
      await deps.store.update(
        SIGNER_KEY,
        { ...record, certificates, updatedAt: now.toISOString() },
        record.version,
        { actorId: 'system', sortKey: record.id },
      );
      return { keyId: record.keyId, certificate: der, ca };
    } catch (error) {
      // Another request issued one at the same moment: read the record again and use theirs.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError('write_conflict', 'The signer key is being updated; try again');
}

/** The default CMS signer: the official's KMS key, their certificate and the agency CA's. */
export function kmsCmsSigner(deps: SignaturesDeps): CmsSigner {
  return {
    async sign(request: CmsRequest): Promise<CmsResult> {
      const { keyId, certificate, ca } = await signerCertificate(
        deps,
        request.tenantId,
        request.signerId,
        request.positionId,
      );
      const cms = await buildCms({
        digest: request.digest,
        certificate,
        chain: [fromB64(ca.certificate)],
        sign: (digest) => keysOf(deps).signDigest(keyId, digest),
      });
      return { cms, certificate };
    },
  };
}

/**
 * Gives a signing official their key and a certificate for each active position of theirs that
 * carries the signature (a `head` position), when the position is filled — the table stream calls
 * it for every employee written, and the seed for the demo agencies. Idempotent: a key and a valid
 * certificate already there are kept. Endorsers get theirs at their first endorsement.
 */
export async function provisionSigner(
  deps: SignaturesDeps,
  employee: Pick<Employee, 'id' | 'tenantId' | 'active' | 'positionIds'>,
): Promise<number> {
  if (!employee.active || employee.positionIds.length === 0) return 0;
  const positions = await deps.store.getMany<Position>('position', employee.tenantId, employee.positionIds);
  const signing = positions.filter((p) => rightsOf(p).includes('sign'));
  for (const position of signing) await signerCertificate(deps, employee.tenantId, employee.id, position.id);
  return signing.length;
}
