import { files as az } from '../../../web/lib/catalogs/az';
import { files as en } from '../../../web/lib/catalogs/en';
import { files as ru } from '../../../web/lib/catalogs/ru';
import { mergeCatalogs, type Catalog, type Locale } from '../../../web/lib/messages';

/** The files of each language, in one order (the same feature at the same index). */
export const catalogFiles: Record<Locale, Catalog[]> = { az, en, ru };

/** The merged catalog of each language, as the app's translator reads it. */
export const catalogs: Record<Locale, Catalog> = {
  az: mergeCatalogs(az),
  en: mergeCatalogs(en),
  ru: mergeCatalogs(ru),
};
