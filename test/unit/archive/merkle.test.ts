import { describe, expect, it } from 'vitest';
import {
  inclusionProof,
  leafHash,
  merkleRoot,
  retentionOf,
  verifyInclusion,
} from '../../../functions/modules/archive';
import { canonicalJson, entryHash, GENESIS } from '../../../functions/modules/documents';

// The leaves of RFC 6962's reference test data (certificate-transparency's merkle tree tests).
const inputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const leaves = inputs.map((hex) => leafHash(Buffer.from(hex, 'hex')));

describe('Merkle trees as RFC 6962 builds them', () => {
  it('gives the reference roots', () => {
    expect(merkleRoot([]).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(merkleRoot(leaves.slice(0, 1)).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(merkleRoot(leaves.slice(0, 2)).toString('hex')).toBe(
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    );
    expect(merkleRoot(leaves).toString('hex')).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
  });

  it('proves every leaf of every tree size up to 20, and no proof holds for another leaf or root', () => {
    const many = Array.from({ length: 20 }, (_, i) => leafHash(`entry ${i}`));
    for (let size = 1; size <= many.length; size++) {
      const tree = many.slice(0, size);
      const root = merkleRoot(tree);
      for (let i = 0; i < size; i++) {
        const proof = inclusionProof(tree, i);
        expect(verifyInclusion(tree[i]!, i, size, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash('forged'), i, size, proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion(tree[i]!, (i + 1) % size, size, proof, root)).toBe(false);
      }
    }
  });
});

describe('the hash chain’s canonical JSON', () => {
  it('sorts keys and leaves undefined members out, so one entry always hashes the same', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'ə' }] })).toBe('{"a":[1,{"c":"ə"}],"b":1}');
    const entry = {
      tenantId: 't',
      documentId: 'd',
      seq: 1,
      at: '2026-12-05T06:00:00.000Z',
      opId: 'o',
      actorId: 'a',
      action: 'register',
      changes: [],
      prevHash: GENESIS,
    };
    expect(entryHash({ ...entry })).toBe(entryHash({ ...entry, comment: undefined }));
    expect(entryHash({ ...entry, action: 'archive' })).not.toBe(entryHash(entry));
  });
});

describe('retention counted from the year after the case file closes', () => {
  it('keeps a 5-year case file closed in 2026 through 31.12.2031, and a daimi one for a century under hold', () => {
    expect(retentionOf(2026, 5)).toMatchObject({
      retainedThrough: '2031-12-31',
      retainUntil: '2031-12-31T20:00:00.000Z',
      permanent: false,
    });
    expect(retentionOf(2026, null)).toMatchObject({ retainedThrough: '2126-12-31', permanent: true });
  });
});
