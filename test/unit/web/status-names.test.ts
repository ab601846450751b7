import { describe, expect, it } from 'vitest';
import { statusesOf } from '../../../functions/modules/documents/domain/status';
import { documentKinds } from '../../../functions/modules/documents/domain/document';
import { catalogs as serverCatalogs } from '../../../functions/platform/http/messages';
import { statusOptions, type ColumnContext } from '../../../web/features/documents/list/columns';
import { statusLabel } from '../../../web/features/documents/labels';
import { locales, type Catalog, type Locale } from '../../../web/lib/messages';
import { catalogs } from './catalogs';

/** A translator over one catalog (the key itself when missing, as the app's translator does). */
function translator(locale: Locale) {
  return (key: string) => {
    let node: string | Catalog | undefined = catalogs[locale];
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : key;
  };
}

const allStatuses = [...new Set(documentKinds.flatMap((k) => statusesOf(k)))];

describe('a document status has one name per language, everywhere it is shown', () => {
  it('the list’s status filter, the card and the API’s problem titles name each status alike', () => {
    for (const locale of locales) {
      // Arrange
      const t = translator(locale);
      const ctx = { t, locale } as unknown as ColumnContext;

      // Act
      const card = allStatuses.map((s) => statusLabel(t, s));
      const filter = statusOptions(ctx);
      const problem = allStatuses.map((s) => serverCatalogs.statusNames[locale][s]);

      // Assert
      expect(
        card.some((name, i) => name === allStatuses[i]),
        `${locale}: a status without a name`,
      ).toBe(false);
      expect(
        filter.map((o) => [o.value, o.label]),
        `${locale}: the filter`,
      ).toEqual(allStatuses.map((s, i) => [s, card[i]]));
      expect(problem, `${locale}: problem titles`).toEqual(card);
    }
  });
});
