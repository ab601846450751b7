'use client';

import { useEffect, useState } from 'react';
import { publicApi } from '../../lib/api';
import { formatDateTime, toDisplayDate } from '../../lib/dates';
import { pickText, useI18n } from '../../lib/i18n';
import { ProblemAlert, TextField } from '../../ui/fields';
import { formatMoney } from './form-model';
import { NoAgency, PublicShell, useQuery } from './public-shell';
import type { ApplicationStatus, PaymentRedirect } from './types';

/**
 * `/e/status/?agency=…[&number=…]`: an application looked up by its number and one applicant's
 * passport number or FİN (one answer for anything not found: the server's 404). Shows the state,
 * the last day of the service level, the payment with a Pay button (to the hosted payment page),
 * the decisions with their results and the receipt.
 */
export function StatusPage() {
  const { t, locale } = useI18n();
  const query = useQuery();
  const agency = query?.get('agency') ?? undefined;
  const [number, setNumber] = useState('');
  const [secondFactor, setSecondFactor] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<ApplicationStatus>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [paying, setPaying] = useState(false);
  const [payError, setPayError] = useState<unknown>(null);

  useEffect(() => {
    const given = query?.get('number');
    if (given) setNumber(given);
  }, [query]);

  const find = (event: React.FormEvent) => {
    event.preventDefault();
    if (!agency) return;
    const e: Record<string, string> = {};
    if (!number.trim()) e.number = t('eservicesPublic.errors.required');
    if (!secondFactor.trim()) e.secondFactor = t('eservicesPublic.errors.required');
    setErrors(e);
    setError(null);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    setStatus(undefined);
    publicApi<ApplicationStatus>(`/agencies/${encodeURIComponent(agency)}/applications/status`, {
      method: 'POST',
      body: { number: number.trim(), secondFactor: secondFactor.trim() },
    })
      .then(setStatus)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  const pay = () => {
    if (!agency || !status) return;
    setPaying(true);
    setPayError(null);
    publicApi<PaymentRedirect>(`/agencies/${encodeURIComponent(agency)}/applications/payment`, {
      method: 'POST',
      body: { number: status.number, secondFactor: secondFactor.trim() },
    })
      .then((r) => window.location.assign(r.redirectUrl))
      .catch((err: unknown) => {
        setPayError(err);
        setPaying(false);
      });
  };

  const paymentState = status?.payment?.status ?? 'none';
  return (
    <PublicShell title={t('eservicesPublic.status.title')} agency={agency} current="status">
      <h1>{t('eservicesPublic.status.title')}</h1>
      {query && !agency ? <NoAgency /> : null}
      {agency ? (
        <>
          <p className="lead">{t('eservicesPublic.status.lead')}</p>
          <form onSubmit={find} noValidate className="eserv-lookup">
            <TextField
              label={t('eservicesPublic.status.number')}
              name="number"
              value={number}
              onChange={setNumber}
              errors={errors}
              required
              hint={t('eservicesPublic.status.numberHint')}
            />
            <TextField
              label={t('eservicesPublic.status.secondFactor')}
              name="secondFactor"
              value={secondFactor}
              onChange={setSecondFactor}
              errors={errors}
              required
            />
            <div className="form-actions">
              <button type="submit" className="primary" disabled={busy}>
                {busy ? t('eservicesPublic.status.finding') : t('eservicesPublic.status.find')}
              </button>
            </div>
          </form>
        </>
      ) : null}
      <ProblemAlert error={error} />
      {status ? (
        <section aria-labelledby="eserv-status-result" className="eserv-status">
          <h2 id="eserv-status-result">{status.number}</h2>
          <dl className="details">
            <dt>{t('eservicesPublic.status.service')}</dt>
            <dd>{pickText(status.service.name, locale)}</dd>
            <dt>{t('eservicesPublic.status.state')}</dt>
            <dd data-testid="application-state">{t(`eservicesPublic.status.states.${status.state}`)}</dd>
            <dt>{t('eservicesPublic.status.submittedAt')}</dt>
            <dd>{formatDateTime(status.submittedAt)}</dd>
            {status.level ? (
              <>
                <dt>{t('eservicesPublic.status.lastDay')}</dt>
                <dd>{toDisplayDate(status.level.lastDay)}</dd>
              </>
            ) : null}
            {status.payment || status.state === 'awaiting-payment' ? (
              <>
                <dt>{t('eservicesPublic.status.payment')}</dt>
                <dd>
                  {t(`eservicesPublic.status.paymentStates.${paymentState}`)}
                  {status.payment ? ` — ${formatMoney(status.payment.amount, status.payment.currency)}` : ''}
                </dd>
              </>
            ) : null}
          </dl>
          {status.state === 'awaiting-payment' ? (
            <p className="eserv-actions">
              <button type="button" className="primary large" onClick={pay} disabled={paying}>
                {paying
                  ? t('eservicesPublic.status.paying')
                  : status.payment
                    ? t('eservicesPublic.status.pay', {
                        amount: formatMoney(status.payment.amount, status.payment.currency),
                      })
                    : t('eservicesPublic.status.payNow')}
              </button>
            </p>
          ) : null}
          <ProblemAlert error={payError} />
          {status.decisions.length > 0 ? (
            <>
              <h3>{t('eservicesPublic.status.decisions')}</h3>
              <ul className="eserv-decisions">
                {status.decisions.map((d) => (
                  <li key={d.applicant}>
                    <strong>{t('eservicesPublic.status.applicant', { n: d.applicant + 1 })}</strong>:{' '}
                    {t(`eservicesPublic.status.${d.outcome}`)}
                    {d.reason ? (
                      <span> — {t('eservicesPublic.status.reason', { reason: d.reason })}</span>
                    ) : null}
                    {d.resultUrl ? (
                      <>
                        {' '}
                        <a href={d.resultUrl} target="_blank" rel="noopener noreferrer">
                          {t('eservicesPublic.status.download', { n: d.applicant + 1 })}
                        </a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href={status.receiptUrl} target="_blank" rel="noopener noreferrer">
              {t('eservicesPublic.status.receipt')}
            </a>
          </p>
        </section>
      ) : null}
    </PublicShell>
  );
}
