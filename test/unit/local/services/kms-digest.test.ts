import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { signDigest, verifyDigest } from '../../../../infra/local/services/kms';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const message = Buffer.from('Elektron sənədin surəti. 3 vərəq');
const digest = createHash('sha256').update(message).digest();

/** The same signature with S in the other half of the group order (both are valid ECDSA). */
function otherHalf(der: Uint8Array): Buffer {
  const sig = p256.Signature.fromBytes(der, 'der');
  return Buffer.from(new p256.Signature(sig.r, p256.Point.Fn.ORDER - sig.s).toBytes('der'));
}

describe('local KMS ECDSA P-256 over a precomputed digest (MessageType DIGEST)', () => {
  it('signs a digest so that node:crypto verifies it over the original message', () => {
    // Act
    const signature = signDigest(privateKey, digest);

    // Assert
    expect(signature[0]).toBe(0x30);
    expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    expect(verify('sha256', Buffer.from('other'), { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(
      false,
    );
  });

  it('draws a fresh nonce for each signature, as KMS does', () => {
    // Act
    const first = signDigest(privateKey, digest);
    const second = signDigest(privateKey, digest);

    // Assert
    expect(first.equals(second)).toBe(false);
    expect(verifyDigest(publicKey, digest, second)).toBe(true);
  });

  it('verifies node:crypto signatures against the digest in either S half and refuses changed ones', () => {
    // Arrange
    const signature = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const flipped = Buffer.from(signature);
    flipped[flipped.length - 1]! ^= 1;
    const changedDigest = Buffer.from(digest);
    changedDigest[0]! ^= 1;

    // Act / Assert
    expect(verifyDigest(publicKey, digest, signature)).toBe(true);
    expect(verifyDigest(publicKey, digest, otherHalf(signature))).toBe(true);
    expect(verifyDigest(other, digest, signature)).toBe(false);
    expect(verifyDigest(publicKey, changedDigest, signature)).toBe(false);
    expect(verifyDigest(publicKey, digest, flipped)).toBe(false);
    expect(verifyDigest(publicKey, digest.subarray(0, 31), signature)).toBe(false);
    expect(verifyDigest(publicKey, digest, Buffer.from('not der'))).toBe(false);
    expect(
      verifyDigest(publicKey, digest, p256.Signature.fromBytes(signature, 'der').toBytes('compact')),
    ).toBe(false);
  });

  it('refuses a digest of the wrong length and a key of another curve', () => {
    // Arrange
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;

    // Act / Assert
    expect(() => signDigest(privateKey, digest.subarray(1))).toThrow(/32 bytes/);
    expect(() => signDigest(p384, digest)).toThrow(/P-256/);
  });
});
