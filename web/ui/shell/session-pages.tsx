'use client';

import { useI18n } from '../../lib/i18n';
import { Loading } from '../loading';

/** The page while the session is read (or a redirect to sign in is on its way). */
export function SessionLoading({ title }: { title: string }) {
  return (
    <main id="main" className="centered">
      <title>{title}</title>
      <Loading />
    </main>
  );
}

/** The page when the session could not be read: say so, and offer to try again. */
export function SessionFailed({ title, onRetry }: { title: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <main id="main" className="centered">
      <title>{title}</title>
      <h1>{t('app.name')}</h1>
      <div className="alert alert-error" role="alert">
        <p className="alert-title">{t('errors.sessionFailed')}</p>
      </div>
      <button type="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </main>
  );
}
