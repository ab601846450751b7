/**
 * The countries a `country` field offers, named in the page's language and sorted by name; a
 * field's own `countries` restricts the list.
 */
import { countryNames } from './country-names';

/** Every alpha-3 code the API knows. */
export const countryCodes: readonly string[] = Object.keys(countryNames);

const index = { az: 0, en: 1, ru: 2 } as const;

/** The country's name in the language (the code itself for a code the list does not have). */
export function countryName(code: string, locale: string): string {
  const names = countryNames[code];
  return names ? names[index[locale as keyof typeof index] ?? 0] : code;
}

/** The options of a country field: its own list or every country, sorted by name in the language. */
export function countryOptions(
  locale: string,
  only?: readonly string[],
): Array<{ value: string; label: string }> {
  const codes = only && only.length > 0 ? only : countryCodes;
  return codes
    .map((value) => ({ value, label: countryName(value, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
