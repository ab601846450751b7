import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AGENCY_CA,
  agencyCa,
  checkCms,
  issuedBy,
  provisionSigner,
  SIGNER_KEY,
  signerCertificate,
} from '../../../functions/modules/signatures';
import {
  fromB64,
  kmsCmsSigner,
  type AgencyCaRecord,
  type SignerKeyRecord,
} from '../../../functions/modules/signatures/usecases/kms-cms';
import { employee } from '../../support/builders';
import { AGENCY, signaturesWorld } from './world';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const x509 = (der: Uint8Array) => new X509Certificate(der);

describe('agencyCa', () => {
  it('makes the agency’s CA once: a KMS key of its own and a self-signed CA certificate naming the agency and its VÖEN', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const first = await agencyCa(deps, 't1');
    const again = await agencyCa(deps, 't1');

    // Assert
    expect(again).toEqual(first);
    expect(deps.signingKeys.created).toEqual([
      { keyId: first.keyId, tenantId: 't1', owner: 'agency-ca', description: `Kargüzar CA: ${AGENCY}` },
    ]);
    expect(deps.store.all<AgencyCaRecord>(AGENCY_CA, 't1')).toHaveLength(1);
    const cert = x509(fromB64(first.certificate));
    expect(cert.ca).toBe(true);
    expect(cert.subject).toContain(`CN=${AGENCY}`);
    expect(cert.subject).toContain('VATAZ-1234567891');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(first.fingerprint).toBe(cert.fingerprint256.replace(/:/g, '').toLowerCase());
  });

  it('keeps the first record when two requests need the CA at the same moment', async () => {
    // Arrange: neither request creates its key before both have looked for the record (the race,
    // made certain whatever the scheduling).
    const deps = signaturesWorld();
    const keys = deps.signingKeys;
    const createKey = keys.createKey.bind(keys);
    let waiting = 0;
    let bothLooked!: () => void;
    const looked = new Promise<void>((resolve) => (bothLooked = resolve));
    keys.createKey = async (request) => {
      if (++waiting === 2) bothLooked();
      await looked;
      return createKey(request);
    };

    // Act
    const [a, b] = await Promise.all([agencyCa(deps, 't1'), agencyCa(deps, 't1')]);

    // Assert: both made a key, one certificate was stored and both use it.
    const stored = deps.store.all<AgencyCaRecord>(AGENCY_CA, 't1');
    expect(stored).toHaveLength(1);
    expect(a).toEqual(stored[0]);
    expect(b).toEqual(stored[0]);
    expect(deps.signingKeys.created).toHaveLength(2);
  });
});

describe('signerCertificate', () => {
  it('issues the official’s certificate from the agency’s CA, naming them, their position and the agency', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const held = await signerCertificate(deps, 't1', 'head', 'p-head');

    // Assert
    const cert = x509(held.certificate);
    expect(issuedBy(held.certificate, fromB64(held.ca.certificate))).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.subject).toContain('CN=Rəşad Əliyev');
    expect(cert.subject).toContain('title=Baş direktor');
    expect(cert.subject).toContain(`O=${AGENCY}`);
    expect(cert.publicKey.export({ format: 'der', type: 'spki' })).toEqual(
      Buffer.from(await deps.signingKeys.publicKey(held.keyId)),
    );
    const record = deps.store.all<SignerKeyRecord>(SIGNER_KEY, 't1')[0]!;
    expect(record).toMatchObject({ employeeId: 'head', keyId: held.keyId });
    expect(record.certificates).toEqual([
      expect.objectContaining({ positionId: 'p-head', serialNumber: cert.serialNumber }),
    ]);
  });

  it('gives one key per official and a certificate per position', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const asHead = await signerCertificate(deps, 't1', 'head', 'p-head');
    const asDeputy = await signerCertificate(deps, 't1', 'head', 'p-deputy');

    // Assert
    expect(asDeputy.keyId).toBe(asHead.keyId);
    expect(x509(asDeputy.certificate).serialNumber).not.toBe(x509(asHead.certificate).serialNumber);
    expect(x509(asDeputy.certificate).subject).toContain('title=Direktor müavini');
    const record = deps.store.all<SignerKeyRecord>(SIGNER_KEY, 't1')[0]!;
    expect(record.certificates.map((c) => c.positionId)).toEqual(['p-head', 'p-deputy']);
    // The CA's key and the official's: nothing more.
    expect(deps.signingKeys.created.map((k) => k.owner)).toEqual(['agency-ca', 'head']);
  });

  it('reuses the certificate while it is valid and issues a new one once it has expired', async () => {
    // Arrange
    const deps = signaturesWorld();
    const first = await signerCertificate(deps, 't1', 'head', 'p-head');

    // Act
    deps.clock.advance(2 * YEAR_MS);
    const stillValid = await signerCertificate(deps, 't1', 'head', 'p-head');
    deps.clock.advance(2 * YEAR_MS);
    const afterExpiry = await signerCertificate(deps, 't1', 'head', 'p-head');

    // Assert
    expect(stillValid.certificate).toEqual(first.certificate);
    expect(x509(afterExpiry.certificate).serialNumber).not.toBe(x509(first.certificate).serialNumber);
    expect(afterExpiry.keyId).toBe(first.keyId);
    expect(new Date(x509(afterExpiry.certificate).validFrom) <= deps.clock.now()).toBe(true);
    expect(new Date(x509(afterExpiry.certificate).validTo) > deps.clock.now()).toBe(true);
    const record = deps.store.all<SignerKeyRecord>(SIGNER_KEY, 't1')[0]!;
    expect(record.certificates).toHaveLength(1);
    expect(record.certificates[0]).toMatchObject({
      serialNumber: x509(afterExpiry.certificate).serialNumber,
      issuedAt: deps.clock.now().toISOString(),
    });
  });

  it('makes one key for the official when two signatures need it at the same moment', async () => {
    // Arrange
    const deps = signaturesWorld();
    await agencyCa(deps, 't1');

    // Act
    const [a, b] = await Promise.all([
      signerCertificate(deps, 't1', 'head', 'p-head'),
      signerCertificate(deps, 't1', 'head', 'p-head'),
    ]);

    // Assert: the record the store kept is the one both sign with.
    const records = deps.store.all<SignerKeyRecord>(SIGNER_KEY, 't1');
    expect(records).toHaveLength(1);
    expect(a.keyId).toBe(records[0]!.keyId);
    expect(b.keyId).toBe(records[0]!.keyId);
    expect(records[0]!.certificates).toHaveLength(1);
  });
});

describe('kmsCmsSigner', () => {
  it('signs a digest with the official’s key: a CMS that verifies and carries their certificate', async () => {
    // Arrange
    const deps = signaturesWorld();
    const digest = new Uint8Array(createHash('sha256').update('Salam').digest());

    // Act
    const out = await kmsCmsSigner(deps).sign({
      tenantId: 't1',
      signerId: 'head',
      positionId: 'p-head',
      digest,
      signingTime: deps.clock.now(),
    });

    // Assert
    const check = checkCms(out.cms, digest);
    expect(check).toMatchObject({
      signatureValid: true,
      digestMatches: true,
      signingCertificateMatches: true,
    });
    expect(check.certificate).toEqual(out.certificate);
    expect(x509(out.certificate).subject).toContain('CN=Rəşad Əliyev');
  });
});

describe('provisionSigner', () => {
  it('gives an official a certificate for each position that carries the signature, once', async () => {
    // Arrange
    const deps = signaturesWorld();
    const official = employee('head', { positionIds: ['p-head', 'p-author'] });

    // Act
    const count = await provisionSigner(deps, official);
    const again = await provisionSigner(deps, official);

    // Assert
    expect([count, again]).toEqual([1, 1]);
    const record = deps.store.all<SignerKeyRecord>(SIGNER_KEY, 't1')[0]!;
    expect(record.certificates.map((c) => c.positionId)).toEqual(['p-head']);
    expect(deps.signingKeys.created).toHaveLength(2);
  });

  it('gives nothing to an endorser-only official, an inactive one or one without a position', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const counts = [
      await provisionSigner(deps, employee('author', { positionIds: ['p-author'] })),
      await provisionSigner(deps, employee('head', { positionIds: ['p-head'], active: false })),
      await provisionSigner(deps, employee('nobody', { positionIds: [] })),
    ];

    // Assert
    expect(counts).toEqual([0, 0, 0]);
    expect(deps.store.all(SIGNER_KEY, 't1')).toEqual([]);
    expect(deps.signingKeys.created).toEqual([]);
  });
});
