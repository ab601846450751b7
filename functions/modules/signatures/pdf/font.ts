import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The text font of the single file: DejaVu Sans, shipped by the pinned `dejavu-fonts-ttf` package
 * (never a system font path: machines differ). It covers the Azerbaijani Latin letters
 * (ə ğ ı İ ş ç ö ü), Cyrillic and the rest of the texts an agency writes.
 */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

let cached: FontFiles | undefined;

export function textFonts(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = (name: string) =>
    new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)));
  cached = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') };
  return cached;
}
