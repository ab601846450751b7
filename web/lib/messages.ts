import { files as azFiles } from './catalogs/az';

/**
 * The message catalogs: each feature keeps its own `messages/{az,en,ru}.json` next to its code
 * (shared UI in ui/messages). A file may add keys under a top-level key that another file also
 * uses (`doc.registry` lives with the citizen registries); no key is defined twice
 * (test/unit/web/messages.test.ts). Azerbaijani, the default and the fallback, is in every page's first
 * load; English and Russian are chunks of their own, loaded when chosen (`loadCatalog`).
 */
export type Catalog = { [key: string]: string | Catalog };

export const locales = ['az', 'en', 'ru'] as const;
export type Locale = (typeof locales)[number];

/** Deep merge of catalogs; a key defined twice keeps the later definition. */
export function mergeCatalogs(files: readonly Catalog[]): Catalog {
  const merge = (into: Catalog, from: Catalog) => {
    for (const [key, value] of Object.entries(from)) {
      const current = into[key];
      if (typeof value === 'object' && typeof current === 'object') merge(current, value);
      else into[key] = typeof value === 'object' ? merge({}, value) : value;
    }
    return into;
  };
  return files.reduce<Catalog>((all, file) => merge(all, file), {});
}

/** The Azerbaijani catalog (the default language; the fallback of a key missing elsewhere). */
export const azCatalog: Catalog = mergeCatalogs(azFiles);

/** The catalog of a language: Azerbaijani at once, the others fetched as their own chunk. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === 'en') return mergeCatalogs((await import('./catalogs/en')).files);
  if (locale === 'ru') return mergeCatalogs((await import('./catalogs/ru')).files);
  return azCatalog;
}
