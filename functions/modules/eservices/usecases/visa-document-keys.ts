/**
 * The public side of e-visa codes: the key id of a verification key, the JWK set published for
 * offline verifiers (the next slice's public endpoint answers `visaCodeKeySet`), and the
 * verification of a scanned code with nothing but that set — what a border guard's or a hotel's
 * app does, with WebCrypto's or node:crypto's ECDSA P-256.
 */
import { createHash, createPublicKey, verify, type JsonWebKey as NodeJwk } from 'node:crypto';
import {
  base64UrlEncode,
  decodeVisaCode,
  VISA_KEY_ID_BYTES,
  type VisaCodeData,
  type VisaCodeProblem,
} from '../domain/visa-code';
import type { VisaCodeSigner } from '../ports';

/** One published P-256 verification key (RFC 7517/7518). */
export interface VisaCodeJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly kid: string;
  readonly alg: 'ES256';
  readonly use: 'sig';
}

export interface VisaCodeKeySet {
  readonly keys: readonly VisaCodeJwk[];
}

/** The JWK of a DER SubjectPublicKeyInfo (P-256 only), with its key id. */
export function visaCodeJwk(spkiDer: Uint8Array): VisaCodeJwk {
  const jwk = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' }).export({
    format: 'jwk',
  });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y)
    throw new RangeError('An e-visa code key must be an EC P-256 key');
  return {
    kty: 'EC',
    crv: 'P-256',
    x: jwk.x,
    y: jwk.y,
    kid: visaKeyId(jwk.x, jwk.y),
    alg: 'ES256',
    use: 'sig',
  };
}

/**
 * The key id: the first 8 bytes of the key's RFC 7638 JWK thumbprint (SHA-256 of
 * `{"crv","kty","x","y"}` in that order, no spaces), base64url — 11 characters.
 */
function visaKeyId(x: string, y: string): string {
  const thumbprint = createHash('sha256')
    .update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y }))
    .digest();
  return base64UrlEncode(thumbprint.subarray(0, VISA_KEY_ID_BYTES));
}

/**
 * The JWK set of the e-visa code keys: the current signer's first, then keys retired from signing
 * whose visas may still be valid (kept published until the last visa they signed expires).
 */
export async function visaCodeKeySet(
  current: Pick<VisaCodeSigner, 'publicKey'>,
  retired: readonly Uint8Array[] = [],
): Promise<VisaCodeKeySet> {
  const keys = [visaCodeJwk(await current.publicKey()), ...retired.map(visaCodeJwk)];
  return { keys: keys.filter((key, i) => keys.findIndex((k) => k.kid === key.kid) === i) };
}

export type VisaCodeVerification =
  | { readonly ok: true; readonly data: VisaCodeData }
  | { readonly ok: false; readonly problem: VisaCodeProblem | 'unknown_key' | 'bad_signature' };

/** Checks a scanned code against a published key set only: form, version, key id, signature. */
export function verifyVisaCode(text: string, keySet: VisaCodeKeySet): VisaCodeVerification {
  const decoded = decodeVisaCode(text);
  if (!decoded.ok) return decoded;
  const jwk = keySet.keys.find((k) => k.kid === decoded.data.keyId);
  if (!jwk) return { ok: false, problem: 'unknown_key' };
  const key = createPublicKey({
    key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as NodeJwk,
    format: 'jwk',
  });
  const valid = verify('sha256', decoded.body, { key, dsaEncoding: 'ieee-p1363' }, decoded.signature);
  return valid ? { ok: true, data: decoded.data } : { ok: false, problem: 'bad_signature' };
}
