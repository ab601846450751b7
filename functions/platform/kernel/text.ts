/** UI and content languages. Azerbaijani is the default and the only required one. */
export const languages = ['az', 'en', 'ru'] as const;
export type Language = (typeof languages)[number];

/** Text kept in the three languages; az is required, the others fall back to az. */
export interface LocalizedText {
  az: string;
  en?: string;
  ru?: string;
}

export function localize(text: LocalizedText, lang: Language): string {
  const value = text[lang];
  return value !== undefined && value.trim() !== '' ? value : text.az;
}

/** Picks the best supported language from an Accept-Language header (q-values honoured). */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'az';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag !== '' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if ((languages as readonly string[]).includes(primary ?? '')) return primary as Language;
  }
  return 'az';
}
