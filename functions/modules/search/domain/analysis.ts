/**
 * Azerbaijani text analysis shared by both engines. First cut: Turkic lower-casing and folding
 * only; the full definition (transliteration, suffix stemming, Russian stemming, number keys and
 * the OpenSearch analysis settings generated from it) replaces this.
 */
const FOLD: Record<string, string> = { ə: 'e', ı: 'i', ş: 's', ç: 'c', ğ: 'g', ö: 'o', ü: 'u' };

/** Lower-cases with the Turkic rules (I → ı, İ → i). */
export function turkicLower(text: string): string {
  return text.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
}

/** Lower-cased, folded words of a text, in order. */
export function analyzeText(text: string): string[] {
  return turkicLower(text.normalize('NFC'))
    .replace(/[əışçğöü]/g, (c) => FOLD[c] ?? c)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}
