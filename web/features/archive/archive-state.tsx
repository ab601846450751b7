'use client';

import type { ArchiveState } from '../../api/contract';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** The card's note of the document's copy in the immutable archive: retained until, legal hold. */
export function ArchiveStateSection({ archive }: { archive: ArchiveState | undefined }) {
  const { t } = useI18n();
  if (!archive) return null;
  return (
    <section className="archive-state" aria-labelledby="archive-state-title">
      <h3 id="archive-state-title">{t('archive.card.title')}</h3>
      <p data-testid="archive-retention">
        {archive.permanent
          ? t('archive.card.permanent')
          : t('archive.card.retainedUntil', { date: formatDate(archive.retainedThrough) })}
      </p>
      {archive.legalHold ? <p data-testid="archive-legal-hold">{t('archive.card.legalHold')}</p> : null}
      {archive.disposal ? (
        <p data-testid="archive-disposed">
          {t('archive.card.disposed', {
            number: archive.disposal.actNumber ?? '',
            date: formatDate(archive.disposal.at),
          })}
        </p>
      ) : (
        <p className="muted small">{t('archive.card.objects', { count: archive.objects.length })}</p>
      )}
    </section>
  );
}
