import { generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base45Decode,
  base45Encode,
  decodeVisaCode,
  ecdsaDerToRaw,
  encodeVisaCodeBody,
  visaCodeText,
  VISA_CODE_PREFIX,
} from '../../../../functions/modules/eservices';
import { AZERBAIJANI_NAMES, visaCodeData } from './builders';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const signature = new Uint8Array(64).fill(7);

describe('Base45 (RFC 9285)', () => {
  it('encodes and decodes the RFC’s examples', () => {
    // Arrange
    const examples: Array<[string, string]> = [
      ['AB', 'BB8'],
      ['Hello!!', '%69 VD92EX0'],
      ['base-45', 'UJCLQE7W581'],
      ['ietf!', 'QED8WEX0'],
    ];

    // Act + Assert
    for (const [plain, encoded] of examples) {
      expect(base45Encode(Buffer.from(plain, 'latin1'))).toBe(encoded);
      expect(text(base45Decode(encoded)!)).toBe(plain);
    }
  });

  it('refuses characters outside the set, a dangling character and values out of range', () => {
    // Act + Assert: "GGW" is 65536, one above two bytes; ":;" has a character outside the set.
    expect(base45Decode('GGW')).toBeUndefined();
    expect(base45Decode('BB8a')).toBeUndefined();
    expect(base45Decode('BB8B')).toBeUndefined();
    expect(base45Decode('bb8')).toBeUndefined();
    expect(base45Decode('::')).toBeUndefined(); // 44 + 44·45 = 2024 > 255
    expect(base45Decode('FGW')).toEqual(Uint8Array.from([0xff, 0xff]));
  });
});

describe('the e-visa code', () => {
  it('decodes to the data it was encoded from, Azerbaijani names included', () => {
    // Arrange
    const data = visaCodeData();
    const body = encodeVisaCodeBody(data);

    // Act
    const code = visaCodeText(body, signature);
    const decoded = decodeVisaCode(code);

    // Assert: QR alphanumeric characters only, and everything read back.
    expect(code.startsWith(VISA_CODE_PREFIX)).toBe(true);
    expect(code).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(body[0]).toBe(1);
    expect(decoded).toEqual({ ok: true, data, body, signature });
    if (decoded.ok) expect(decoded.data.surname).toBe(AZERBAIJANI_NAMES.surname);
  });

  it('takes empty given names, and a visa of another number of entries', () => {
    // Arrange
    const data = visaCodeData({ givenNames: '', entries: 2 });

    // Act
    const decoded = decodeVisaCode(visaCodeText(encodeVisaCodeBody(data), signature));

    // Assert
    expect(decoded.ok && decoded.data).toEqual(data);
  });

  it('refuses data a code cannot carry', () => {
    // Arrange
    const bad = [
      visaCodeData({ passportNumber: 'c01x00t47' }),
      visaCodeData({ visaNumber: 'EV 1' }),
      visaCodeData({ nationality: 'DE' }),
      visaCodeData({ birthDate: '2026-02-29' }),
      visaCodeData({ validUntil: '2026-05-09' }),
      visaCodeData({ maxStayDays: 0 }),
      visaCodeData({ entries: 256 }),
      visaCodeData({ agency: 'Migration' }),
      visaCodeData({ keyId: 'AAECAwQFBg' }),
      visaCodeData({ surname: ' ' }),
      visaCodeData({ surname: 'Çələbi'.normalize('NFD') }),
      visaCodeData({ givenNames: 'Ə'.repeat(101) }),
    ];

    // Act + Assert
    for (const data of bad) expect(() => encodeVisaCodeBody(data), JSON.stringify(data)).toThrow(RangeError);
  });

  it('refuses an unknown version', () => {
    // Arrange: the same body under version 2.
    const body = encodeVisaCodeBody(visaCodeData());
    const v2 = Uint8Array.from(body);
    v2[0] = 2;
    const all = new Uint8Array([...v2, ...signature]);

    // Act
    const decoded = decodeVisaCode(VISA_CODE_PREFIX + base45Encode(all));

    // Assert
    expect(decoded).toEqual({ ok: false, problem: 'unsupported_version' });
    expect(() => visaCodeText(v2, signature)).toThrow(RangeError);
  });

  it('refuses a code that is not canonical: trailing bytes, a non-NFC name, another prefix, short', () => {
    // Arrange
    const body = encodeVisaCodeBody(visaCodeData());
    const withTrailing = new Uint8Array([...body, 0, ...signature]);
    const nfd = Buffer.from(AZERBAIJANI_NAMES.surname.normalize('NFD'));
    const surnameAt = 1 + 1 + body[1]!;
    const nonNfc = new Uint8Array([
      ...body.subarray(0, surnameAt),
      nfd.length,
      ...nfd,
      ...body.subarray(surnameAt + 1 + body[surnameAt]!),
      ...signature,
    ]);

    // Act
    const codes = [
      VISA_CODE_PREFIX + base45Encode(withTrailing),
      VISA_CODE_PREFIX + base45Encode(nonNfc),
      'HC1:' + base45Encode(new Uint8Array([...body, ...signature])),
      VISA_CODE_PREFIX + base45Encode(signature),
      VISA_CODE_PREFIX,
    ];

    // Assert
    for (const code of codes) expect(decodeVisaCode(code)).toEqual({ ok: false, problem: 'malformed' });
  });
});

describe('DER signatures to raw r ‖ s', () => {
  it('turns a DER ECDSA P-256 signature into the 64 bytes IEEE P1363 verifiers take', () => {
    // Arrange
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const message = Buffer.from('viza');
    const ders = Array.from({ length: 40 }, () =>
      sign('sha256', message, { key: privateKey, dsaEncoding: 'der' }),
    );

    // Act
    const raws = ders.map(ecdsaDerToRaw);

    // Assert: about half the r and s values carry a DER leading zero byte, so 40 cover both forms.
    const key = createPublicKey(privateKey);
    for (const raw of raws) {
      expect(raw).toHaveLength(64);
      expect(verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
    }
  });

  it('refuses what is not one SEQUENCE of two minimal positive INTEGERs', () => {
    // Arrange
    const int = (bytes: number[]) => [0x02, bytes.length, ...bytes];
    const seq = (...parts: number[][]) => Uint8Array.from([0x30, parts.flat().length, ...parts.flat()]);
    const ok = seq(int([1, 2, 3]), int([4, 5, 6]));

    // Act + Assert
    expect(Buffer.from(ecdsaDerToRaw(ok).subarray(29, 32))).toEqual(Buffer.from([1, 2, 3]));
    expect(() => ecdsaDerToRaw(Uint8Array.from([...ok, 0]))).toThrow(RangeError);
    expect(() => ecdsaDerToRaw(seq(int([0x80, 1]), int([1, 2, 3])))).toThrow(RangeError);
    expect(() => ecdsaDerToRaw(seq(int([0, 1]), int([1, 2, 3])))).toThrow(RangeError);
    expect(() => ecdsaDerToRaw(seq(int([1, 2, 3])))).toThrow(RangeError);
    expect(() => ecdsaDerToRaw(seq(int(new Array<number>(33).fill(1)), int([1])))).toThrow(RangeError);
  });
});
