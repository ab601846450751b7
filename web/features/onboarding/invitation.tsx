'use client';

import { useEffect, useState } from 'react';
import { LanguageSwitch } from '../../ui/language-switch';
import { Loading } from '../../ui/loading';
import { FormActions, ProblemAlert, StatusMessage, TextField, fieldErrorsOf } from '../../ui/fields';
import { api } from '../../lib/api';
import { signinRedirect } from '../../lib/auth-client';
import { pickText, useI18n } from '../../lib/i18n';
import type { InvitationView } from '../../api/contract';

/** The token of the e-mailed link: in the fragment, which never reaches a server or its logs. */
function tokenOfLink(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}

const bakuTime = (iso: string) =>
  new Date(Date.parse(iso) + 4 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ').split(' ');

/**
 * The page of an invitation link: who it is for and for which organization, then a password
 * (twice) that becomes the login's for good. Afterwards the person signs in as usual.
 */
export function InvitationPage() {
  const { t, locale } = useI18n();
  const [token, setToken] = useState<string>();
  const [view, setView] = useState<InvitationView>();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    const found = tokenOfLink();
    setToken(found);
    if (!found) return;
    api<InvitationView>('/invitation', { headers: { 'X-Invitation-Token': found } })
      .then(setView)
      .catch(setLoadError);
  }, []);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const e: Record<string, string> = {};
    if (!password) e.password = t('validation.required');
    if (repeat !== password) e.repeat = t('invitation.mismatch');
    setErrors(e);
    setError(null);
    if (Object.keys(e).length > 0 || !token) return;
    setSaving(true);
    api<{ username: string }>('/invitation/accept', {
      method: 'POST',
      body: { password },
      headers: { 'X-Invitation-Token': token },
    })
      .then(() => setDone(true))
      .catch((err: unknown) => {
        setError(err);
        setErrors(fieldErrorsOf(err) as Record<string, string>);
      })
      .finally(() => setSaving(false));
  };

  const [date, time] = view ? bakuTime(view.expiresAt) : ['', ''];
  return (
    <div className="landing">
      <title>{`${t('invitation.title')} — ${t('app.name')}`}</title>
      <header className="landing-header">
        <span className="brand-name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="landing-main">
        <h1>{t('invitation.title')}</h1>
        {token === undefined || (token && !view && !loadError) ? <Loading /> : null}
        {token === '' ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{t('invitation.noToken')}</p>
          </div>
        ) : null}
        <ProblemAlert error={loadError} />
        <StatusMessage message={done ? t('invitation.done') : undefined} />
        {done ? (
          <button
            type="button"
            className="primary large"
            onClick={() => void signinRedirect('/home/', locale)}
          >
            {t('landing.login')}
          </button>
        ) : null}
        {view && !done ? (
          <>
            <p className="lead">
              {t('invitation.lead', {
                organization: pickText(view.organization, locale),
                name: view.fullName,
              })}
            </p>
            <dl className="details">
              <dt>{t('invitation.username')}</dt>
              <dd data-testid="invitation-username">{view.username}</dd>
              <dt>{t('invitation.validUntil')}</dt>
              <dd>{t('invitation.validUntilValue', { date: date ?? '', time: time ?? '' })}</dd>
            </dl>
            <form onSubmit={submit} noValidate className="invitation-form">
              <ProblemAlert error={error} />
              <TextField
                label={t('invitation.password')}
                name="password"
                type="password"
                value={password}
                onChange={setPassword}
                errors={errors}
                required
                autoComplete="new-password"
                hint={t('invitation.policy')}
              />
              <TextField
                label={t('invitation.repeat')}
                name="repeat"
                type="password"
                value={repeat}
                onChange={setRepeat}
                errors={errors}
                required
                autoComplete="new-password"
              />
              <FormActions busy={saving} label={t('invitation.submit')} busyLabel={t('form.saving')} />
            </form>
          </>
        ) : null}
      </main>
    </div>
  );
}
