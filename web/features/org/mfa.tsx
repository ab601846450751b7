'use client';

import { useState } from 'react';
import { FormActions, ProblemAlert, StatusMessage, TextField, fieldErrorsOf } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { QrCode } from '../../ui/qr-code';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import type { MfaStatus, TotpEnrolment } from '../../api/contract';

/**
 * İki mərhələli giriş (issue 18): the signed-in user's own authenticator. Starting shows the
 * secret as a QR code and as text; the app's current code confirms it, and from then on sign-in
 * asks for a code. The state line says whether it is on and whether this sign-in used it.
 */
export function TwoStepSignInPage() {
  const { t } = useI18n();
  const status = useLoad(() => api<MfaStatus>('/me/mfa'), []);
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  const start = async () => {
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      setEnrolment(await api<TotpEnrolment>('/me/mfa/totp', { method: 'POST' }));
      setCode('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api<MfaStatus>('/me/mfa/totp/verify', { method: 'POST', body: { code: code.trim() } });
      setEnrolment(undefined);
      setSaved(t('mfa.enabled'));
      status.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const data = status.data;
  return (
    <>
      <h1>{t('mfa.title')}</h1>
      <p className="lead">{t('mfa.intro')}</p>
      {status.loading && !data ? <Loading /> : null}
      <ProblemAlert error={status.error} />
      {data ? (
        <section aria-labelledby="mfa-state">
          <h2 id="mfa-state" className="visually-hidden">
            {t('common.status')}
          </h2>
          <p data-testid="mfa-state">{data.totpEnabled ? t('mfa.stateOn') : t('mfa.stateOff')}</p>
          {data.totpEnabled ? (
            <p>{data.signedInWithMfa ? t('mfa.thisSession') : t('mfa.signInAgain')}</p>
          ) : null}
          {data.requiredByAgency ? (
            <p className="notice" role="note">
              {t('mfa.required')}
            </p>
          ) : null}
          {!enrolment ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
              {data.totpEnabled ? t('mfa.restart') : t('mfa.start')}
            </button>
          ) : null}
        </section>
      ) : null}
      {enrolment ? (
        <form className="editor-panel" onSubmit={(e) => void confirm(e)} noValidate>
          <p>{t('mfa.scan')}</p>
          <QrCode text={enrolment.otpauthUri} label={t('mfa.qr')} className="mfa-qr" size={192} margin={2} />
          <p>
            {t('mfa.secret')}: <code data-testid="mfa-secret">{enrolment.secret}</code>
          </p>
          <TextField
            label={t('mfa.code')}
            name="code"
            value={code}
            onChange={setCode}
            errors={fieldErrorsOf(error)}
            required
            autoComplete="one-time-code"
          />
          <ProblemAlert error={error} />
          <FormActions busy={busy} label={t('mfa.confirm')} />
        </form>
      ) : (
        <ProblemAlert error={error} />
      )}
      <StatusMessage message={saved} />
    </>
  );
}
