'use client';

import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { ProblemAlert } from '../../ui/fields';

/** A page of one document that could not be read: its title, then "not found" or the problem. */
export function DocumentUnavailable({ title, error }: { title: string; error: unknown }) {
  const { t } = useI18n();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <>
      <h1>{title}</h1>
      {notFound ? <p className="notice">{t('doc.card.notFound')}</p> : <ProblemAlert error={error} />}
    </>
  );
}
