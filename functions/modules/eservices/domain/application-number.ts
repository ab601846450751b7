/**
 * Public application numbers, e.g. `7K3M-9QX2-HT4B-W8RC`: 15 random characters (75 bits from a
 * cryptographic random source the caller passes in as bytes) and a check character, in Crockford's
 * base 32 (digits and upper-case letters without I, L, O, U: nothing to misread), grouped by four.
 *
 * Nothing in a number follows from another one — no counter, no date, no service code — so knowing
 * numbers tells nothing of others, and guessing one that exists takes about 2^75 / (numbers issued)
 * tries. The check character (Luhn mod 32) catches every mistyped character and nearly every swap
 * of two neighbours before a look-up is made. Parsing is forgiving about what people type: lower
 * case, spaces or no hyphens, O for 0 and I or L for 1.
 *
 * A look-up needs the number and a second factor (an applicant's passport number or FİN), compared
 * with `secondFactorMatches`: its time does not depend on where a wrong value differs.
 */
import { sha256Of } from '../../../platform/kernel/hashing';
import { normalizePassportNumber } from './identifiers';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RADIX = ALPHABET.length; // 32
const RANDOM_CHARS = 15;
const BITS = 5;

/** Bytes of randomness a number takes (the first 75 bits of them are used). */
export const APPLICATION_NUMBER_RANDOM_BYTES = Math.ceil((RANDOM_CHARS * BITS) / 8); // 10

/** A new number from at least 10 random bytes (e.g. `crypto.randomBytes(10)` in the use case). */
export function applicationNumberFrom(random: Uint8Array): string {
  if (random.length < APPLICATION_NUMBER_RANDOM_BYTES)
    throw new RangeError(`An application number needs ${APPLICATION_NUMBER_RANDOM_BYTES} random bytes`);
  let payload = '';
  for (let i = 0; i < RANDOM_CHARS; i += 1) {
    let value = 0;
    for (let bit = i * BITS; bit < (i + 1) * BITS; bit += 1)
      value = (value << 1) | ((random[bit >> 3]! >> (7 - (bit & 7))) & 1);
    payload += ALPHABET[value];
  }
  return group(payload + checkCharacter(payload));
}

/** The number in its canonical form, or undefined when it cannot be one (wrong shape or check). */
export function parseApplicationNumber(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== RANDOM_CHARS + 1) return undefined;
  if (![...compact].every((c) => ALPHABET.includes(c))) return undefined;
  return luhnSum(compact, false) % RADIX === 0 ? group(compact) : undefined;
}

function checkCharacter(payload: string): string {
  return ALPHABET[(RADIX - (luhnSum(payload, true) % RADIX)) % RADIX]!;
}

/** Luhn mod N: from the right, every second value doubled (starting with the rightmost when `doubleFirst`). */
function luhnSum(text: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    let addend = ALPHABET.indexOf(text[i]!) * (double ? 2 : 1);
    addend = Math.floor(addend / RADIX) + (addend % RADIX);
    sum += addend;
    double = !double;
  }
  return sum;
}

function group(compact: string): string {
  return compact.match(/.{4}/g)!.join('-');
}

/** Equal strings, in time that does not depend on their content (both are hashed to 32 bytes first). */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = sha256Of(a);
  const y = sha256Of(b);
  let diff = 0;
  for (let i = 0; i < x.length; i += 1) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/**
 * True when `given` (as typed: any case, spaces) is one of the application's second factors (the
 * passport numbers or FİNs of its applicants, stored normalized). Every candidate is compared, so
 * the time depends only on how many there are, never on which one matched or where one differs.
 */
export function secondFactorMatches(candidates: readonly string[], given: string): boolean {
  const typed = normalizePassportNumber(given);
  let match = false;
  for (const candidate of candidates) match = constantTimeEqual(candidate, typed) || match;
  return match && typed !== '';
}
