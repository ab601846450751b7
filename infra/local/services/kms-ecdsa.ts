/**
 * ECDSA P-256 over a precomputed SHA-256 digest (KMS `MessageType: DIGEST`). node:crypto always
 * hashes the input itself, so signing a given digest needs the curve arithmetic here (BigInt,
 * Jacobian coordinates). Signatures are DER, as KMS returns them, and verify with node:crypto's
 * `verify('sha256', message, publicKey, signature)` over the original message.
 */
import { randomBytes, type KeyObject } from 'node:crypto';

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};

interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}

const mod = (a: bigint, m: bigint) => {
  const r = a % m;
  return r < 0n ? r + m : r;
};

function inv(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return mod(s0, m);
}

const INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };

function double(p: Jacobian): Jacobian {
  if (p.z === 0n || p.y === 0n) return INFINITY;
  const delta = mod(p.z * p.z, P);
  const gamma = mod(p.y * p.y, P);
  const beta = mod(p.x * gamma, P);
  const alpha = mod(3n * (p.x - delta) * (p.x + delta), P);
  const x = mod(alpha * alpha - 8n * beta, P);
  const z = mod((p.y + p.z) ** 2n - gamma - delta, P);
  const y = mod(alpha * (4n * beta - x) - 8n * gamma * gamma, P);
  return { x, y, z };
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p.z === 0n) return q;
  if (q.z === 0n) return p;
  const z1z1 = mod(p.z * p.z, P);
  const z2z2 = mod(q.z * q.z, P);
  const u1 = mod(p.x * z2z2, P);
  const u2 = mod(q.x * z1z1, P);
  const s1 = mod(p.y * q.z * z2z2, P);
  const s2 = mod(q.y * p.z * z1z1, P);
  const h = mod(u2 - u1, P);
  const r = mod(2n * (s2 - s1), P);
  if (h === 0n) return r === 0n ? double(p) : INFINITY;
  const i = mod(4n * h * h, P);
  const j = mod(h * i, P);
  const v = mod(u1 * i, P);
  const x = mod(r * r - j - 2n * v, P);
  const y = mod(r * (v - x) - 2n * s1 * j, P);
  const z = mod(((p.z + q.z) ** 2n - z1z1 - z2z2) * h, P);
  return { x, y, z };
}

function multiply(k: bigint, point: { x: bigint; y: bigint }): Jacobian {
  let result = INFINITY;
  let addend: Jacobian = { ...point, z: 1n };
  let e = k;
  while (e > 0n) {
    if (e & 1n) result = add(result, addend);
    addend = double(addend);
    e >>= 1n;
  }
  return result;
}

function affineX(p: Jacobian): bigint {
  const zi = inv(p.z, P);
  return mod(p.x * zi * zi, P);
}

const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const b64url = (s: string) => toBig(Buffer.from(s, 'base64url'));

function derInt(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

export function encodeDerSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInt(r), derInt(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

export function decodeDerSignature(sig: Uint8Array): { r: bigint; s: bigint } | undefined {
  const b = Buffer.from(sig);
  if (b.length < 8 || b[0] !== 0x30 || b[1] !== b.length - 2) return undefined;
  let pos = 2;
  const ints: bigint[] = [];
  for (let n = 0; n < 2; n++) {
    if (b[pos] !== 0x02) return undefined;
    const len = b[pos + 1]!;
    if (len === 0 || pos + 2 + len > b.length) return undefined;
    ints.push(toBig(b.subarray(pos + 2, pos + 2 + len)));
    pos += 2 + len;
  }
  if (pos !== b.length) return undefined;
  return { r: ints[0]!, s: ints[1]! };
}

function randomScalar(): bigint {
  for (;;) {
    const k = toBig(randomBytes(32));
    if (k > 0n && k < N) return k;
  }
}

/** Signs a 32-byte SHA-256 digest with a P-256 private key; DER signature. */
export function signDigest(privateKey: KeyObject, digest: Uint8Array): Buffer {
  if (digest.length !== 32) throw new Error('digest must be 32 bytes');
  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || !jwk.d) throw new Error('P-256 private key required');
  const d = b64url(jwk.d);
  const z = toBig(digest);
  for (;;) {
    const k = randomScalar();
    const r = mod(affineX(multiply(k, G)), N);
    if (r === 0n) continue;
    const s = mod(inv(k, N) * (z + r * d), N);
    if (s === 0n) continue;
    return encodeDerSignature(r, s);
  }
}

/** Verifies a DER signature over a 32-byte SHA-256 digest with a P-256 public key. */
export function verifyDigest(publicKey: KeyObject, digest: Uint8Array, signature: Uint8Array): boolean {
  if (digest.length !== 32) return false;
  const parsed = decodeDerSignature(signature);
  if (!parsed) return false;
  const { r, s } = parsed;
  if (r <= 0n || r >= N || s <= 0n || s >= N) return false;
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || !jwk.x || !jwk.y) return false;
  const q = { x: b64url(jwk.x), y: b64url(jwk.y) };
  const w = inv(s, N);
  const point = add(multiply(mod(toBig(digest) * w, N), G), multiply(mod(r * w, N), q));
  if (point.z === 0n) return false;
  return mod(affineX(point), N) === r;
}
