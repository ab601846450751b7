import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base45Encode,
  decodeVisaCode,
  ecdsaDerToRaw,
  encodeVisaCodeBody,
  issueVisaDocument,
  verifyVisaCode,
  visaCodeJwk,
  visaCodeKeySet,
  visaCodeText,
  VISA_CODE_PREFIX,
} from '../../../functions/modules/eservices';
import { visaInput } from './visa-document/builders';
import { MemorySigner } from './visa-document/signer';

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

describe('verifying an e-visa code with only the published keys', () => {
  it('verifies an issued code and gives back the visa’s data', async () => {
    // Arrange
    const signer = new MemorySigner();
    const issued = await issueVisaDocument(signer, visaInput());
    const keys = await visaCodeKeySet(signer);

    // Act
    const result = verifyVisaCode(issued.code, keys);

    // Assert
    expect(result).toEqual({ ok: true, data: issued.data });
    expect(issued.data).toMatchObject({
      validFrom: '2026-05-10',
      validUntil: '2026-08-07',
      maxStayDays: 30,
      entries: 1,
      keyId: keys.keys[0]!.kid,
    });
  });

  it('fails when any one character of the code is changed', async () => {
    // Arrange
    const signer = new MemorySigner();
    const { code } = await issueVisaDocument(signer, visaInput());
    const keys = await visaCodeKeySet(signer);

    // Act: each position replaced by the next character of the Base45 set.
    const results = [...code].map((c, i) => {
      const other = BASE45[(BASE45.indexOf(c) + 1) % BASE45.length]!;
      return verifyVisaCode(code.slice(0, i) + other + code.slice(i + 1), keys);
    });

    // Assert
    expect(results.length).toBeGreaterThan(150);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(new Set(results.map((r) => !r.ok && r.problem))).toEqual(
      new Set(['malformed', 'bad_signature', 'unknown_key', 'unsupported_version']),
    );
  });

  it('fails for a code signed by another key, even one that names the published key', async () => {
    // Arrange
    const published = new MemorySigner();
    const other = new MemorySigner();
    const keys = await visaCodeKeySet(published);
    const { code: otherCode, data } = await issueVisaDocument(other, visaInput());
    const forgedBody = encodeVisaCodeBody({ ...data, keyId: keys.keys[0]!.kid });
    const forged = visaCodeText(forgedBody, ecdsaDerToRaw((await other.sign(forgedBody)).signature));

    // Act
    const results = [verifyVisaCode(otherCode, keys), verifyVisaCode(forged, keys)];

    // Assert
    expect(results).toEqual([
      { ok: false, problem: 'unknown_key' },
      { ok: false, problem: 'bad_signature' },
    ]);
  });

  it('refuses a code of an unknown version even with a good signature', async () => {
    // Arrange: version 2 signed by the published key.
    const signer = new MemorySigner();
    const { code } = await issueVisaDocument(signer, visaInput());
    const decoded = decodeVisaCode(code);
    if (!decoded.ok) throw new Error('issued code does not decode');
    const v2 = Uint8Array.from(decoded.body);
    v2[0] = 2;
    const raw = ecdsaDerToRaw((await signer.sign(v2)).signature);

    // Act
    const result = verifyVisaCode(
      VISA_CODE_PREFIX + base45Encode(new Uint8Array([...v2, ...raw])),
      await visaCodeKeySet(signer),
    );

    // Assert
    expect(result).toEqual({ ok: false, problem: 'unsupported_version' });
  });

  it('publishes a JWK set WebCrypto verifies with, current key first, retired keys kept', async () => {
    // Arrange
    const current = new MemorySigner();
    const retired = new MemorySigner();
    const { code } = await issueVisaDocument(retired, visaInput());
    const decoded = decodeVisaCode(code);
    if (!decoded.ok) throw new Error('issued code does not decode');

    // Act
    const set = await visaCodeKeySet(current, [await retired.publicKey(), await current.publicKey()]);
    const jwk = set.keys.find((k) => k.kid === decoded.data.keyId)!;
    const key = await webcrypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'verify',
    ]);
    const ok = await webcrypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      decoded.signature,
      decoded.body,
    );

    // Assert
    expect(set.keys.map((k) => k.kid)).toEqual([
      visaCodeJwk(await current.publicKey()).kid,
      visaCodeJwk(await retired.publicKey()).kid,
    ]);
    expect(set.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(set.keys[0]!.kid).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(verifyVisaCode(code, set).ok).toBe(true);
    expect(ok).toBe(true);
  });

  it('refuses to issue when the signer signs with a key other than the one it publishes', async () => {
    // Arrange: publicKey of one key, signatures of another.
    const published = new MemorySigner();
    const actual = new MemorySigner();
    const mixed = {
      ...published,
      publicKey: () => published.publicKey(),
      sign: (m: Uint8Array) => actual.sign(m),
      verify: (m: Uint8Array, s: Uint8Array) => actual.verify(m, s),
    };

    // Act + Assert
    await expect(issueVisaDocument(mixed, visaInput())).rejects.toThrow(/does not verify/);
  });
});
