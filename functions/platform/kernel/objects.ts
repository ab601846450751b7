/**
 * The fields of `source` named in `keys` that hold a value, under the same names: one left empty
 * (undefined, null, '', false or 0) is left out rather than stored or sent empty.
 */
export function setFields<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => source[key]).map((key) => [key, source[key]])) as Partial<
    Pick<T, K>
  >;
}
