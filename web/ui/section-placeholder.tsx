'use client';

import { useI18n } from '../lib/i18n';

/** A section that later work fills: its heading, what it will hold, no sample data. */
export function SectionPlaceholder({ section }: { section: string }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t(`nav.${section}`)}</h1>
      <p className="lead">{t(`sections.${section}`)}</p>
      <p className="notice" role="note">
        {t('common.preparing')}
      </p>
    </>
  );
}
