'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import az from '../messages/az.json';
import docAz from '../messages/doc.az.json';
import docEn from '../messages/doc.en.json';
import docRu from '../messages/doc.ru.json';
import docListAz from '../messages/doclist.az.json';
import docListEn from '../messages/doclist.en.json';
import docListRu from '../messages/doclist.ru.json';
import en from '../messages/en.json';
import execAz from '../messages/exec.az.json';
import execEn from '../messages/exec.en.json';
import execRu from '../messages/exec.ru.json';
import ru from '../messages/ru.json';
import routeAz from '../messages/route.az.json';
import routeEn from '../messages/route.en.json';
import routeRu from '../messages/route.ru.json';

export const locales = ['az', 'en', 'ru'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'az';
const STORAGE_KEY = 'karguzar.locale';

type Catalog = { [key: string]: string | Catalog };
// Each catalog is the general one plus a file per document area (top-level keys do not overlap).
const catalogs: Record<Locale, Catalog> = {
  az: { ...az, ...docAz, ...docListAz, ...execAz, ...routeAz },
  en: { ...en, ...docEn, ...docListEn, ...execEn, ...routeEn },
  ru: { ...ru, ...docRu, ...docListRu, ...execRu, ...routeRu },
};

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

function translator(locale: Locale): Translate {
  return (key, params) => {
    // Fall back to Azerbaijani (the complete catalog), then to the key so a gap is visible.
    const text = lookup(catalogs[locale], key) ?? lookup(catalogs.az, key) ?? key;
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
  const [locale, setLocaleState] = useState<Locale>(defaultLocale);

  useEffect(() => {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) setLocaleState(stored);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale, t: translator(locale) }), [locale, setLocale]);
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
export interface LocalizedText {
  az: string;
  en?: string;
  ru?: string;
}

export function pickText(text: LocalizedText | undefined | null, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.az;
}
