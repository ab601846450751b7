import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../functions/platform/kernel/errors';
import type { DocumentSignature } from '../../../functions/modules/documents';
import { AGENCY_CA, agencyCa, signSingleFile } from '../../../functions/modules/signatures';
import type { AgencyCaRecord } from '../../../functions/modules/signatures/usecases/kms-cms';
import { verifySingleFile } from '../../../functions/modules/signatures/usecases/verify.usecase';
import { T0 } from '../../support/builders';
import { outsider } from '../documents/world';
import {
  AGENCY,
  author,
  commit,
  deputy,
  head,
  memo,
  revision,
  signAndCommit,
  signaturesWorld,
  type SignaturesWorld,
} from './world';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Records a signature whose revision is `bytes` (stored under a key of its own, its SHA-256 matching). */
function commitRevision(deps: SignaturesWorld, entry: DocumentSignature, bytes: Uint8Array) {
  const key = `t1/documents/memo/single-file/${sha256(bytes)}.pdf`;
  const versionId = deps.objects.upload('attachments', key, bytes, 'application/pdf');
  return commit(deps, { ...entry, key, versionId, sha256: sha256(bytes), size: bytes.length });
}

describe('verifySingleFile', () => {
  it('finds a signed file valid: integrity, the chain to the agency’s CA, the recorded authority', async () => {
    // Arrange
    const deps = signaturesWorld();
    const entry = await signAndCommit(deps, head, 'sign');

    // Act
    const verified = await verifySingleFile(deps, head, 'memo');

    // Assert
    const ca = deps.store.all<AgencyCaRecord>(AGENCY_CA, 't1')[0]!;
    expect(verified).toMatchObject({
      sha256: entry.sha256,
      size: entry.size,
      valid: true,
      ca: { fingerprint: ca.fingerprint },
    });
    expect(verified.ca!.subject).toContain(AGENCY);
    expect(verified.signatures).toHaveLength(1);
    expect(verified.signatures[0]).toMatchObject({
      fieldName: 'Imza-1',
      subFilter: 'ETSI.CAdES.detached',
      byteRange: entry.byteRange,
      coversRevision: true,
      coversWholeFile: true,
      integrity: true,
      chain: true,
      authority: true,
      valid: true,
      signerName: 'Rəşad Əliyev',
      right: 'sign',
      positionTitle: 'Baş direktor',
      signedAt: T0,
      signer: { serialNumber: entry.certificateSerial },
    });
    expect(verified.signatures[0]!.signer.subject).toContain('Rəşad Əliyev');
    expect(verified.signatures[0]!.signer.issuer).toContain(AGENCY);
  });

  it('keeps every earlier signature valid; only the newest covers the whole file', async () => {
    // Arrange
    const deps = signaturesWorld();
    await signAndCommit(deps, author, 'endorse');
    await signAndCommit(deps, deputy, 'sign', 'head');

    // Act
    const verified = await verifySingleFile(deps, head, 'memo');

    // Assert
    expect(verified.valid).toBe(true);
    expect(
      verified.signatures.map((s) => [s.fieldName, s.valid, s.coversRevision, s.coversWholeFile]),
    ).toEqual([
      ['Viza-1', true, true, false],
      ['Imza-2', true, true, true],
    ]);
    expect(verified.signatures[1]).toMatchObject({
      signerName: 'Nigar Məmmədova',
      onBehalfOf: 'head',
      onBehalfOfName: 'Rəşad Əliyev',
    });
  });

  it('finds the integrity broken when a byte inside a signed range is flipped', async () => {
    // Arrange
    const deps = signaturesWorld();
    const entry = await signSingleFile(deps, head, await memo(deps), { right: 'sign', at: T0 });
    const tampered = new Uint8Array(await revision(deps, entry));
    // The binary comment on the header's second line: inside the first range, and still a comment.
    const at = tampered.indexOf(0x0a) + 2;
    expect(at).toBeLessThan(entry.byteRange[1]!);
    tampered[at] = tampered[at]! ^ 0x01;
    await commitRevision(deps, entry, tampered);

    // Act
    const verified = await verifySingleFile(deps, head, 'memo');

    // Assert
    expect(verified.valid).toBe(false);
    expect(verified.sha256).toBe(sha256(tampered));
    expect(verified.signatures[0]).toMatchObject({
      fieldName: 'Imza-1',
      integrity: false,
      chain: true,
      authority: true,
      valid: false,
    });
  });

  it('finds no authority for a signature whose certificate is not the one recorded with the decision', async () => {
    // Arrange
    const deps = signaturesWorld();
    const entry = await signSingleFile(deps, head, await memo(deps), { right: 'sign', at: T0 });
    await commit(deps, { ...entry, certificateSha256: 'ab'.repeat(32) });

    // Act
    const verified = await verifySingleFile(deps, head, 'memo');

    // Assert
    expect(verified.valid).toBe(false);
    expect(verified.signatures[0]).toMatchObject({
      integrity: true,
      chain: true,
      authority: false,
      valid: false,
    });
  });

  it('finds no chain when the certificate was not issued by the agency’s CA', async () => {
    // Arrange
    const deps = signaturesWorld();
    await signAndCommit(deps, head, 'sign');
    const other = await agencyCa(deps, 't2');
    deps.store.seed(AGENCY_CA, { ...other, id: 't1', tenantId: 't1' });

    // Act
    const verified = await verifySingleFile(deps, head, 'memo');

    // Assert
    expect(verified.signatures[0]).toMatchObject({
      integrity: true,
      chain: false,
      authority: true,
      valid: false,
    });
  });

  it('finds an unsigned file not valid, with no signatures', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const verified = await verifySingleFile(deps, head, 'memo');

    // Assert
    expect(verified).toMatchObject({ valid: false, signatures: [] });
  });

  it('hides a document the caller may not see (404)', async () => {
    // Arrange
    const deps = signaturesWorld();
    await signAndCommit(deps, head, 'sign');

    // Act
    const verifying = verifySingleFile(deps, outsider, 'memo');

    // Assert
    await expect(verifying).rejects.toBeInstanceOf(NotFoundError);
  });

  it('logs the verification of a confidential document on its operations log', async () => {
    // Arrange
    const deps = signaturesWorld({ confidential: true });
    const entry = await signAndCommit(deps, head, 'sign');

    // Act
    await verifySingleFile(deps, head, 'memo');

    // Assert
    const reads = (await deps.documents.operations('t1', 'memo', { limit: 100 })).items.filter(
      (o) => o.action === 'read',
    );
    expect(reads.map((o) => o.changes[0]?.after)).toContain(`single file verified: ${entry.sha256}`);
  });
});
