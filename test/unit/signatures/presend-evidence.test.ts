import { describe, expect, it } from 'vitest';
import { signSingleFile, verifiedSignatureEvidence } from '../../../functions/modules/signatures';
import { T0 } from '../../support/builders';
import { author, commit, deputy, head, memo, signAndCommit, signaturesWorld, signer } from './world';

describe('verifiedSignatureEvidence', () => {
  it('counts the signatory’s own signature as the signature, valid', async () => {
    // Arrange
    const deps = signaturesWorld();
    await signAndCommit(deps, head, 'sign');

    // Act
    const evidence = await verifiedSignatureEvidence(deps).signaturesOf(head, await memo(deps));

    // Assert
    expect(evidence).toEqual([{ employeeId: 'head', right: 'sign', valid: true, at: T0 }]);
  });

  it('counts a substitute’s signature as made on behalf of the signatory', async () => {
    // Arrange
    const deps = signaturesWorld();
    await signAndCommit(deps, deputy, 'sign', 'head');

    // Act
    const evidence = await verifiedSignatureEvidence(deps).signaturesOf(head, await memo(deps));

    // Assert
    expect(evidence).toEqual([
      { employeeId: 'deputy', onBehalfOf: 'head', right: 'sign-on-behalf', valid: true, at: T0 },
    ]);
  });

  it('reports endorsements as endorsements and someone else’s signature as made without the right', async () => {
    // Arrange
    const deps = signaturesWorld();
    await signAndCommit(deps, author, 'endorse');
    // `signer` holds a head position of their own, but the memo is `head`'s to sign.
    await signAndCommit(deps, signer, 'sign');

    // Act
    const evidence = await verifiedSignatureEvidence(deps).signaturesOf(head, await memo(deps));

    // Assert
    expect(evidence).toEqual([
      { employeeId: 'author', right: 'endorse', valid: true, at: T0 },
      { employeeId: 'signer', right: 'none', valid: true, at: T0 },
    ]);
  });

  it('reports a signature that does not verify as invalid', async () => {
    // Arrange
    const deps = signaturesWorld();
    const entry = await signSingleFile(deps, head, await memo(deps), { right: 'sign', at: T0 });
    await commit(deps, { ...entry, certificateSha256: 'cd'.repeat(32) });

    // Act
    const evidence = await verifiedSignatureEvidence(deps).signaturesOf(head, await memo(deps));

    // Assert
    expect(evidence).toEqual([{ employeeId: 'head', right: 'sign', valid: false, at: T0 }]);
  });

  it('reports a signature field the system has no record of as made without the right, invalid', async () => {
    // Arrange
    const deps = signaturesWorld();
    const entry = await signSingleFile(deps, head, await memo(deps), { right: 'sign', at: T0 });
    await commit(deps, { ...entry, fieldName: 'Imza-9' });

    // Act
    const evidence = await verifiedSignatureEvidence(deps).signaturesOf(head, await memo(deps));

    // Assert: the PDF's Imza-1 is unknown to the document.
    expect(evidence).toEqual([{ employeeId: '', right: 'none', valid: false, at: '' }]);
  });

  it('finds nothing on a document without signatures, without reading the file', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const evidence = await verifiedSignatureEvidence(deps).signaturesOf(head, await memo(deps));

    // Assert
    expect(evidence).toEqual([]);
    expect(deps.objects.reads).toEqual([]);
  });
});
