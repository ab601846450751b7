import { sha256Of } from '../../../platform/kernel/hashing';

/**
 * Merkle trees as RFC 6962 (Certificate Transparency) defines them, §2.1: a leaf's hash is
 * SHA-256(0x00 || entry), an inner node's SHA-256(0x01 || left || right); a tree of n leaves splits
 * at k, the largest power of two smaller than n; the empty tree's hash is SHA-256 of nothing.
 */

const sha256 = (...parts: Uint8Array[]): Buffer => sha256Of(...parts);
const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

export const leafHash = (entry: Uint8Array | string): Buffer =>
  sha256(LEAF, typeof entry === 'string' ? Buffer.from(entry, 'utf8') : entry);
const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(NODE, left, right);

/** The largest power of two smaller than n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The root over leaf hashes (MTH of RFC 6962 §2.1). */
export function merkleRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return Buffer.from(leaves[0]!);
  const k = split(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** The audit path of leaf `m` (PATH of RFC 6962 §2.1.1), from the leaf's sibling up. */
export function inclusionProof(leaves: readonly Uint8Array[], m: number): Buffer[] {
  if (m < 0 || m >= leaves.length) throw new RangeError('leaf index out of range');
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...inclusionProof(leaves.slice(0, k), m), merkleRoot(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), m - k), merkleRoot(leaves.slice(0, k))];
}

/** Whether `proof` proves leaf `index` of a tree of `size` leaves under `root` (RFC 9162 §2.1.3.2). */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(Buffer.from(root));
}
