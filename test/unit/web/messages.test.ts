import { describe, expect, it } from 'vitest';
import { locales, type Catalog } from '../../../web/lib/messages';
import { catalogFiles } from './catalogs';

/** Every leaf key of a catalog ("doc.registry.fill"). */
const leaves = (catalog: Catalog, prefix = ''): string[] =>
  Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : leaves(value, `${prefix}${key}.`),
  );

describe('the message catalogs of the features and the shared UI', () => {
  it('define each key in one file only', () => {
    for (const locale of locales) {
      const seen = new Map<string, number>();
      catalogFiles[locale].forEach((file, index) => {
        for (const key of leaves(file)) {
          expect(seen.get(key), `${locale}: ${key} is defined in two files`).toBeUndefined();
          seen.set(key, index);
        }
      });
    }
  });

  it('have the same keys in az, en and ru, file by file', () => {
    catalogFiles.az.forEach((az, index) => {
      for (const locale of ['en', 'ru'] as const) {
        expect(leaves(catalogFiles[locale][index] ?? {}).sort()).toEqual(leaves(az).sort());
      }
    });
  });
});
