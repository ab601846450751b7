/**
 * The identifiers a citizen types into an application form: each has a normalizer (what people
 * type → the stored form) and a test of the stored form. The normalizers are lenient about
 * spacing and case, never about content.
 *
 * FİN: the same shape the citizen-registries module accepts (7 upper-case Latin letters and
 * digits). That module's `isFin` is code, and a domain may only name another module's types
 * (.dependency-cruiser.cjs, domain-imports-types-only-from-other-modules), so the rule is restated
 * here; test/unit/eservices/identifiers.test.ts checks the two agree.
 */

/** The dotted capital İ of an Azerbaijani keyboard is the Latin I in identifiers. */
function latinUpper(value: string): string {
  return value.replace(/\u0130/g, 'I').toUpperCase();
}

const FIN_PATTERN = /^[0-9A-Z]{7}$/;

export function normalizeFin(value: string): string {
  return latinUpper(value.trim());
}

export function isFin(value: string): boolean {
  return FIN_PATTERN.test(value);
}

const PASSPORT_PATTERN = /^[A-Z0-9]{5,20}$/;

/**
 * Spaces dropped and upper-cased: "c 0123 4567" → "C01234567". Passport numbers of the world are
 * 5–20 Latin letters and digits (ICAO 9303 prints up to 9 in the machine-readable zone and
 * overflows longer ones).
 */
export function normalizePassportNumber(value: string): string {
  return latinUpper(value.replace(/\s+/g, ''));
}

export function isPassportNumber(value: string): boolean {
  return PASSPORT_PATTERN.test(value);
}

/** Azerbaijani mobile operators' codes (Azercell 50/51/10, Bakcell 55/99, Nar 70/77, Naxtel 60). */
export const AZ_MOBILE_CODES: readonly string[] = ['10', '50', '51', '55', '60', '70', '77', '99'];

export type PhoneCheck =
  | {
      readonly ok: true;
      readonly e164: string;
      readonly azerbaijan: boolean;
      readonly mobile: boolean | undefined;
    }
  | { readonly ok: false };

/**
 * A phone number in E.164 form (`+` and 7–15 digits, no leading zero), from what people type:
 * spaces, dots, hyphens and brackets are dropped; `00` is read as `+`. Azerbaijani shapes are
 * accepted too: `994…` without the plus, and the national `0XX XXX XX XX`. A +994 number must have
 * the 9-digit national number; `mobile` tells whether it is on a mobile operator's code (unknown,
 * `undefined`, for other countries).
 */
export function checkPhone(value: string): PhoneCheck {
  const compact = value.trim().replace(/[\s().-]/g, '');
  let digits: string;
  if (/^\+\d+$/.test(compact)) digits = compact.slice(1);
  else if (/^00\d+$/.test(compact)) digits = compact.slice(2);
  else if (/^994\d{9}$/.test(compact)) digits = compact;
  else if (/^0\d{9}$/.test(compact)) digits = `994${compact.slice(1)}`;
  else return { ok: false };
  if (!/^[1-9]\d{6,14}$/.test(digits)) return { ok: false };
  if (digits.startsWith('994')) {
    const national = digits.slice(3);
    if (!/^[1-9]\d{8}$/.test(national)) return { ok: false };
    return {
      ok: true,
      e164: `+${digits}`,
      azerbaijan: true,
      mobile: AZ_MOBILE_CODES.includes(national.slice(0, 2)),
    };
  }
  return { ok: true, e164: `+${digits}`, azerbaijan: false, mobile: undefined };
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The address trimmed, its domain lower-cased (the local part is kept: it may be case-sensitive),
 * or undefined when it cannot be a deliverable address: one `@`, a dot-atom local part of at most
 * 64 characters, a domain of at least two labels (internationalized domains in their xn-- form),
 * a top-level label of letters (or xn--), 254 characters in all.
 */
export function normalizeEmail(value: string): string | undefined {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || trimmed.length > 254) return undefined;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  const top = labels[labels.length - 1]!;
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(top)) return undefined;
  return `${local}@${domain}`;
}
