'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { LanguageSwitch } from '../language-switch';
import { Loading } from '../loading';
import { safeReturnTo, signinRedirect } from '../../lib/auth-client';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';

function returnTo(): string {
  return safeReturnTo(new URLSearchParams(window.location.search).get('returnTo') ?? undefined);
}

export function LandingPage() {
  const { t, locale } = useI18n();
  const { state } = useSession();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (state.status === 'authenticated') router.replace(returnTo());
    if (state.status === 'operator') router.replace('/operator/');
  }, [state.status, router]);

  const login = () => {
    setBusy(true);
    setFailed(false);
    signinRedirect(returnTo(), locale).catch(() => {
      setBusy(false);
      setFailed(true);
    });
  };

  return (
    <div className="landing">
      <title>{t('app.title')}</title>
      <header className="landing-header">
        <span className="brand-name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="landing-main">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.subtitle')}</p>
        <ul className="landing-features">
          <li>{t('landing.feature1')}</li>
          <li>{t('landing.feature2')}</li>
          <li>{t('landing.feature3')}</li>
        </ul>
        {state.status === 'loading' || state.status === 'authenticated' || state.status === 'operator' ? (
          <Loading />
        ) : (
          <button type="button" className="primary large" onClick={login} disabled={busy}>
            {t('landing.login')}
          </button>
        )}
        {failed || state.status === 'error' ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{t('errors.loginUnavailable')}</p>
          </div>
        ) : null}
      </main>
      <footer className="landing-footer">
        <p>{t('landing.footer')}</p>
        <p>
          <a href="/e/verify/">{t('eservicesPublic.landingVerify')}</a>
        </p>
      </footer>
    </div>
  );
}
