/**
 * How many billed SMS parts a text takes. A text of GSM 03.38 characters only (the basic set, the
 * extension table's characters counting two septets) goes as GSM-7: 160 septets in one part, 153
 * per part when concatenated. Any other character (the Azerbaijani ə, ğ, ı, ş, ç among them) makes
 * the whole text UCS-2: 70 UTF-16 units in one part, 67 per part when concatenated. A part never
 * splits an extension character's escape or a surrogate pair.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsParts {
  encoding: SmsEncoding;
  /** Billed parts (at least 1). */
  parts: number;
  /** Septets (GSM-7) or UTF-16 units (UCS-2) of the whole text. */
  units: number;
}

export const SMS_LIMITS: Record<SmsEncoding, { single: number; concatenated: number }> = {
  gsm7: { single: 160, concatenated: 153 },
  ucs2: { single: 70, concatenated: 67 },
};

export function smsParts(text: string): SmsParts {
  const chars = [...text];
  const encoding: SmsEncoding = chars.every((c) => basic.has(c) || extension.has(c)) ? 'gsm7' : 'ucs2';
  // The units of each character: an escape and its character, or a surrogate pair, stay together.
  const sizes = chars.map((c) => (encoding === 'gsm7' ? (extension.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((sum, n) => sum + n, 0);
  const limits = SMS_LIMITS[encoding];
  if (units <= limits.single) return { encoding, parts: 1, units };
  let parts = 1;
  let filled = 0;
  for (const size of sizes) {
    if (filled + size > limits.concatenated) {
      parts++;
      filled = 0;
    }
    filled += size;
  }
  return { encoding, parts, units };
}
