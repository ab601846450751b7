import type { Translate } from '../../lib/i18n';
import type { DocumentCard } from './types';

/** A translation, or the fallback when the catalog has no such key (the translator echoes the key). */
export function tr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

export const statusLabel = (t: Translate, status: string) => tr(t, `doc.status.${status}`, status);

/** "№ 12-3/2026", or "draft (no number yet)". */
export function numberLabel(t: Translate, doc: Pick<DocumentCard, 'registration'>): string {
  return numberText(t, doc.registration?.number);
}

export function numberText(t: Translate, number: string | undefined): string {
  return number ? t('doc.card.numberShort', { number }) : t('doc.card.unregistered');
}

/** 1 234 bytes as "1.2 KB" (binary units, one decimal). */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(locale === 'az' ? 'az-Latn-AZ' : locale, {
    maximumFractionDigits: digits,
  })} ${units[unit]}`;
}
