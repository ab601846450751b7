'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Loading } from '../loading';
import { signinCallback } from '../../lib/auth-client';
import { useI18n } from '../../lib/i18n';

// The authorization code can be exchanged once: React's development double effects must not
// run the exchange twice, so the promise lives at module level.
let exchange: Promise<string> | null = null;

export function AuthCallbackPage() {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    exchange ??= signinCallback();
    exchange
      .then((target) => {
        // A full navigation so the session provider reads the fresh token.
        window.location.replace(target);
      })
      .catch(() => setFailed(true));
  }, []);

  return (
    <main id="main" className="centered">
      <title>{`${t('auth.callbackTitle')} — ${t('app.name')}`}</title>
      <h1>{t('auth.callbackTitle')}</h1>
      {failed ? (
        <>
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{t('auth.callbackFailed')}</p>
          </div>
          <Link href="/">{t('auth.backToStart')}</Link>
        </>
      ) : (
        <Loading />
      )}
    </main>
  );
}
