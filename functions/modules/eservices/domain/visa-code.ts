/**
 * The signed code of an issued e-visa (issue 15, item 5): what the QR code on the visa holds, so a
 * border guard or a hotel checks a visa offline with only the published public key.
 *
 * Text: `AZV:` + Base45 (RFC 9285) of `body ‖ signature`. Base45's 45 characters are exactly
 * the QR code's alphanumeric mode (5.5 bits a character), so the code stays small; the prefix names
 * the kind of code for a reader that scans many kinds. The body's first byte is the version; the
 * signature is ECDSA P-256 over SHA-256 of the body, raw `r ‖ s` (64 bytes, IEEE P1363), made by
 * the platform's e-visa code key (KMS). Body of version 1, in this order:
 *
 * | Part | Encoding |
 * | --- | --- |
 * | version | u8 = 1 |
 * | visaNumber | str (`[A-Z0-9-]`, 1–32) |
 * | surname, givenNames | str each: NFC UTF-8 as in the passport (given names may be empty) |
 * | nationality | 3 ASCII bytes (ISO 3166-1 alpha-3) |
 * | passportNumber | str (`[A-Z0-9]`, 5–20) |
 * | birthDate, validFrom, validUntil | date each: u16 year, u8 month, u8 day |
 * | maxStayDays, entries | u8 each (entries 1 = single) |
 * | agency | str (`[a-z0-9-]`, 1–40): the issuing agency's key |
 * | keyId | 8 bytes: the first 8 bytes of the key's RFC 7638 thumbprint (SHA-256) |
 *
 * `str` is a u8 byte length then the UTF-8 bytes. The encoding is canonical: one visa has one body
 * and the decoder takes nothing else (non-NFC names, trailing bytes, Base45 above its range,
 * unknown versions are refused), so any changed character of the text either fails to decode or
 * changes the signed bytes. Pure: the use case signs and verifies (usecases/visa-document-keys.ts).
 */
import { isIsoDate } from './time';

export const VISA_CODE_PREFIX = 'AZV:';
export const VISA_CODE_VERSION = 1;
/** Bytes of the key id carried in the body. */
export const VISA_KEY_ID_BYTES = 8;
/** Bytes of a raw P-256 signature, r ‖ s. */
export const VISA_SIGNATURE_BYTES = 64;

export interface VisaCodeData {
  readonly visaNumber: string;
  /** As in the passport (Latin letters with their marks), NFC. */
  readonly surname: string;
  readonly givenNames: string;
  /** ISO 3166-1 alpha-3. */
  readonly nationality: string;
  readonly passportNumber: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly maxStayDays: number;
  /** Number of entries the visa allows (1: single). */
  readonly entries: number;
  /** The issuing agency's key (its tenant key). */
  readonly agency: string;
  /** Base64url of the key id's 8 bytes (11 characters): which published key verifies the code. */
  readonly keyId: string;
}

export type VisaCodeProblem = 'malformed' | 'unsupported_version';

export type DecodedVisaCode =
  | {
      readonly ok: true;
      readonly data: VisaCodeData;
      readonly body: Uint8Array;
      readonly signature: Uint8Array;
    }
  | { readonly ok: false; readonly problem: VisaCodeProblem };

const VISA_NUMBER = /^[A-Z0-9-]{1,32}$/;
const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;
const AGENCY = /^[a-z0-9-]{1,40}$/;
const COUNTRY = /^[A-Z]{3}$/;
const KEY_ID = /^[A-Za-z0-9_-]{11}$/;
const NAME_MAX_BYTES = 200;

/* ---------- Base45 (RFC 9285) ---------- */

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    for (let k = 0; k < 3; k++) {
      out += BASE45[n % 45];
      n = Math.floor(n / 45);
    }
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += BASE45[n % 45]! + BASE45[Math.floor(n / 45)]!;
  }
  return out;
}

/** The bytes of a Base45 text; undefined for a character outside the set, a bad length or a value out of range. */
export function base45Decode(text: string): Uint8Array | undefined {
  if (text.length % 3 === 1) return undefined;
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  const digit = (i: number) => BASE45.indexOf(text[i]!);
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const chunk = Math.min(3, text.length - i);
    let n = 0;
    for (let k = chunk - 1; k >= 0; k--) {
      const d = digit(i + k);
      if (d < 0) return undefined;
      n = n * 45 + d;
    }
    if (chunk === 3) {
      if (n > 0xffff) return undefined;
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      if (n > 0xff) return undefined;
      out[o++] = n;
    }
  }
  return out;
}

/* ---------- base64url (the key id) ---------- */

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function base64UrlDecode(text: string): Uint8Array | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    const d = B64URL.indexOf(c);
    if (d < 0) return undefined;
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) return undefined; // non-canonical padding bits
  return Uint8Array.from(bytes);
}

/* ---------- body ---------- */

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function problem(field: string, why: string): RangeError {
  return new RangeError(`visa code: ${field} ${why}`);
}

/** The canonical body (the signed bytes) of a visa's data; throws RangeError for data a code cannot carry. */
export function encodeVisaCodeBody(data: VisaCodeData): Uint8Array {
  const out: number[] = [VISA_CODE_VERSION];
  const str = (field: string, value: string, pattern: RegExp | undefined, maxBytes: number) => {
    if (pattern && !pattern.test(value)) throw problem(field, `does not match ${pattern.source}`);
    if (value !== value.normalize('NFC')) throw problem(field, 'is not NFC');
    const bytes = utf8.encode(value);
    if (bytes.length > maxBytes) throw problem(field, `is longer than ${maxBytes} bytes`);
    out.push(bytes.length, ...bytes);
  };
  const date = (field: string, value: string) => {
    if (!isIsoDate(value)) throw problem(field, 'is not a calendar date');
    const year = Number(value.slice(0, 4));
    out.push(year >> 8, year & 0xff, Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  };
  const u8 = (field: string, value: number) => {
    if (!Number.isInteger(value) || value < 1 || value > 255) throw problem(field, 'is not 1–255');
    out.push(value);
  };

  str('visaNumber', data.visaNumber, VISA_NUMBER, 32);
  if (data.surname.trim() === '') throw problem('surname', 'is empty');
  str('surname', data.surname, undefined, NAME_MAX_BYTES);
  str('givenNames', data.givenNames, undefined, NAME_MAX_BYTES);
  if (!COUNTRY.test(data.nationality)) throw problem('nationality', 'is not ISO 3166-1 alpha-3');
  out.push(...utf8.encode(data.nationality));
  str('passportNumber', data.passportNumber, PASSPORT_NUMBER, 20);
  date('birthDate', data.birthDate);
  date('validFrom', data.validFrom);
  date('validUntil', data.validUntil);
  if (data.validUntil < data.validFrom) throw problem('validUntil', 'is before validFrom');
  u8('maxStayDays', data.maxStayDays);
  u8('entries', data.entries);
  str('agency', data.agency, AGENCY, 40);
  const keyId = KEY_ID.test(data.keyId) ? base64UrlDecode(data.keyId) : undefined;
  if (keyId?.length !== VISA_KEY_ID_BYTES) throw problem('keyId', 'is not 8 bytes in base64url');
  out.push(...keyId);
  return Uint8Array.from(out);
}

/** The QR code's text: the body and its raw (r ‖ s) signature. */
export function visaCodeText(body: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== VISA_SIGNATURE_BYTES)
    throw new RangeError('visa code: signature must be 64 bytes');
  if (body[0] !== VISA_CODE_VERSION) throw new RangeError('visa code: body of another version');
  const all = new Uint8Array(body.length + signature.length);
  all.set(body, 0);
  all.set(signature, body.length);
  return VISA_CODE_PREFIX + base45Encode(all);
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get offset() {
    return this.at;
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new RangeError('short');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  u8(): number {
    return this.take(1)[0]!;
  }
  str(): string {
    return strictUtf8.decode(this.take(this.u8()));
  }
  date(): string {
    const [hi, lo, month, day] = this.take(4);
    const value = `${String((hi! << 8) | lo!).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isIsoDate(value)) throw new RangeError('date');
    return value;
  }
}

/**
 * Reads a code's text back: its data, the signed body and the raw signature. It checks the form
 * only — whether the signature holds is the use case's (`verifyVisaCode`), with a public key.
 */
export function decodeVisaCode(text: string): DecodedVisaCode {
  const malformed = { ok: false, problem: 'malformed' } as const;
  if (!text.startsWith(VISA_CODE_PREFIX)) return malformed;
  const all = base45Decode(text.slice(VISA_CODE_PREFIX.length));
  if (!all || all.length < 1 + VISA_SIGNATURE_BYTES) return malformed;
  if (all[0] !== VISA_CODE_VERSION) return { ok: false, problem: 'unsupported_version' };
  const body = all.subarray(0, all.length - VISA_SIGNATURE_BYTES);
  const signature = all.subarray(all.length - VISA_SIGNATURE_BYTES);
  let data: VisaCodeData;
  try {
    const r = new Reader(body);
    r.u8();
    data = {
      visaNumber: r.str(),
      surname: r.str(),
      givenNames: r.str(),
      nationality: strictUtf8.decode(r.take(3)),
      passportNumber: r.str(),
      birthDate: r.date(),
      validFrom: r.date(),
      validUntil: r.date(),
      maxStayDays: r.u8(),
      entries: r.u8(),
      agency: r.str(),
      keyId: base64UrlEncode(r.take(VISA_KEY_ID_BYTES)),
    };
    if (r.offset !== body.length) return malformed;
    // Canonical: the data must encode to exactly these bytes (patterns, NFC, ranges).
    const again = encodeVisaCodeBody(data);
    if (again.length !== body.length || again.some((b, i) => b !== body[i])) return malformed;
  } catch {
    return malformed;
  }
  return { ok: true, data, body: body.slice(), signature: signature.slice() };
}

/* ---------- DER signatures (as KMS returns them) to raw r ‖ s ---------- */

/** A DER ECDSA-Sig-Value (SEQUENCE of two INTEGERs) as 64 raw bytes; throws RangeError for anything else. */
export function ecdsaDerToRaw(der: Uint8Array): Uint8Array {
  const bad = () => new RangeError('not a DER ECDSA P-256 signature');
  if (der[0] !== 0x30 || der.length < 8) throw bad();
  let at = 2;
  const seqLength = der[1]!;
  if (seqLength & 0x80 || seqLength !== der.length - 2) throw bad();
  const raw = new Uint8Array(VISA_SIGNATURE_BYTES);
  for (const half of [0, 1]) {
    if (der[at] !== 0x02) throw bad();
    const length = der[at + 1]!;
    if (length < 1 || length > 33 || at + 2 + length > der.length) throw bad();
    let value = der.subarray(at + 2, at + 2 + length);
    if (value[0]! & 0x80) throw bad(); // negative
    if (value.length > 1 && value[0] === 0 && !(value[1]! & 0x80)) throw bad(); // not minimal
    if (value[0] === 0 && value.length > 1) value = value.subarray(1);
    if (value.length > 32) throw bad();
    raw.set(value, half * 32 + (32 - value.length));
    at += 2 + length;
  }
  if (at !== der.length) throw bad();
  return raw;
}
