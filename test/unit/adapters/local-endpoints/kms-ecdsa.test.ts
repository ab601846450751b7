import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeDerSignature,
  encodeDerSignature,
  signDigest,
  verifyDigest,
} from '../../../../infra/local/services/kms-ecdsa';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const message = Buffer.from('Elektron sənədin surəti. 3 vərəq');
const digest = createHash('sha256').update(message).digest();

describe('ECDSA P-256 over a precomputed digest', () => {
  it('signs a digest so that node:crypto verifies it over the original message', () => {
    // Act
    const signature = signDigest(privateKey, digest);

    // Assert
    expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    expect(verify('sha256', Buffer.from('other'), { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(
      false,
    );
  });

  it('verifies node:crypto signatures against the digest and refuses changed ones', () => {
    // Arrange
    const signature = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const flipped = Buffer.from(signature);
    flipped[flipped.length - 1]! ^= 1;

    // Act / Assert
    expect(verifyDigest(publicKey, digest, signature)).toBe(true);
    expect(verifyDigest(other, digest, signature)).toBe(false);
    expect(verifyDigest(publicKey, digest, flipped)).toBe(false);
    expect(verifyDigest(publicKey, digest.subarray(0, 31), signature)).toBe(false);
    expect(verifyDigest(publicKey, digest, Buffer.from('not der'))).toBe(false);
  });

  it('round-trips DER integers, including a leading zero for the high bit', () => {
    // Arrange
    const r = 0x80n << 248n;
    const s = 1n;

    // Act
    const der = encodeDerSignature(r, s);

    // Assert
    expect(der[3]).toBe(33);
    expect(decodeDerSignature(der)).toEqual({ r, s });
  });
});
