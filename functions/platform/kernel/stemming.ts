/**
 * Russian Snowball stemming for the domains (search analysis): the library stays behind this
 * kernel function, as domains import no packages themselves.
 */
import { stemmer } from '@orama/stemmers/russian';

/** The Snowball stem of a lower-cased Russian word (other words come back unchanged). */
export function stemRussian(word: string): string {
  return stemmer(word);
}
