'use client';

import type { LocalizedText } from '../api/contract';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { azCatalog, loadCatalog, locales, type Catalog, type Locale } from './messages';

export { locales, type Locale } from './messages';
export const defaultLocale: Locale = 'az';
const STORAGE_KEY = 'karguzar.locale';

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

function translator(catalog: Catalog): Translate {
  return (key, params) => {
    // Fall back to Azerbaijani (the complete catalog), then to the key so a gap is visible.
    const text = lookup(catalog, key) ?? lookup(azCatalog, key) ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (all, name: string) =>
      params[name] === undefined ? all : String(params[name]),
    );
  };
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function I18nProvider({ children }: { children: React.ReactNode }) {
  // The language and its catalog change together, once the catalog is loaded (English and Russian
  // are chunks of their own); until then the page stays in the language it shows.
  const [current, setCurrent] = useState<{ locale: Locale; catalog: Catalog }>({
    locale: defaultLocale,
    catalog: azCatalog,
  });
  const wanted = useRef<Locale>(defaultLocale);

  const show = useCallback((next: Locale) => {
    wanted.current = next;
    loadCatalog(next)
      .then((catalog) => {
        if (wanted.current === next) setCurrent({ locale: next, catalog });
      })
      // The chunk did not come (offline): the page stays in the language it shows.
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored) && stored !== defaultLocale) show(stored);
  }, [show]);

  const { locale, catalog } = current;
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      window.localStorage.setItem(STORAGE_KEY, next);
      show(next);
    },
    [show],
  );

  const value = useMemo(() => ({ locale, setLocale, t: translator(catalog) }), [locale, catalog, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Current UI language, readable outside React (for the Accept-Language header). */
export function currentLocale(): Locale {
  if (typeof document !== 'undefined' && isLocale(document.documentElement.lang)) {
    return document.documentElement.lang;
  }
  return defaultLocale;
}

/** Localized text of the API: Azerbaijani is mandatory, the others optional. */
export type { LocalizedText } from '../api/contract';

export function pickText(text: LocalizedText | undefined | null, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.az;
}
