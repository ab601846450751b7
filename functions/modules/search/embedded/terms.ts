/**
 * The embedded engine's view of the shared analysis: the words of a text and the key of a number.
 * Everything the engine indexes or asks goes through these two functions, so a richer analysis
 * (stemming, transliteration, its own number keys) plugs in by changing the imports here.
 */
import { analyzeText, numberKey } from '../domain/analysis';

/**
 * The words of a text, and a registration or sender number as one term (folded, lower-cased,
 * without separators: `NK-1234/05` → `nk123405`, so a prefix of the typed number finds it), the
 * same keys the OpenSearch adapter writes.
 */
export { analyzeText, numberKey };

/** A short digest of what the analysis makes of a probe text: a stored index is rebuilt when it changes. */
export function analysisFingerprint(): string {
  const probe =
    'İSTANBUL IĞDIR Məmmədova MAMMADOVA ərizələrin ərizə Документы письмами D-1/26 NK-1234/05 ' +
    'Şəkər çörək göyərçin üçün 1.234,5 5ZK3T7R 1234567890 Ağdaş kitabları';
  return JSON.stringify([analyzeText(probe), probe.split(' ').map(numberKey)]);
}
