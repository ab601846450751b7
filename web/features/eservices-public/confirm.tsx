'use client';

import { useEffect, useState } from 'react';
import { publicApi } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Loading } from '../../ui/loading';
import { ProblemAlert } from '../../ui/fields';
import { formatMoney } from './form-model';
import { PublicShell, publicHref, useQuery } from './public-shell';
import type { ConfirmedApplication } from './types';

/**
 * `/e/confirm/?agency=…&number=…&token=…`: the e-mail's link. Opening it confirms the address
 * (a repeated post is harmless on the server), then the page says what comes next: the payment
 * (on the status page, where the second factor is asked) or the review.
 */
export function ConfirmPage() {
  const { t } = useI18n();
  const query = useQuery();
  const agency = query?.get('agency') ?? '';
  const number = query?.get('number') ?? '';
  const token = query?.get('token') ?? '';
  const complete = Boolean(agency && number && token);
  const [result, setResult] = useState<ConfirmedApplication>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!complete) return;
    publicApi<ConfirmedApplication>(`/agencies/${encodeURIComponent(agency)}/applications/confirm`, {
      method: 'POST',
      body: { number, token },
    })
      .then(setResult)
      .catch(setError);
  }, [complete, agency, number, token]);

  return (
    <PublicShell title={t('eservicesPublic.confirm.title')} agency={agency || undefined}>
      <h1>{t('eservicesPublic.confirm.title')}</h1>
      {query && !complete ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('eservicesPublic.confirm.missing')}</p>
        </div>
      ) : null}
      {complete && !result && !error ? (
        <>
          <p>{t('eservicesPublic.confirm.confirming')}</p>
          <Loading />
        </>
      ) : null}
      <ProblemAlert error={error} />
      {result ? (
        <div role="status">
          {result.state === 'cancelled' ? (
            <p className="alert alert-error">{t('eservicesPublic.confirm.cancelled')}</p>
          ) : (
            <p className="alert alert-success">
              {t('eservicesPublic.confirm.done', { number: result.number })}
            </p>
          )}
          {result.state === 'awaiting-payment' ? (
            <>
              <p>{t('eservicesPublic.confirm.nextPay')}</p>
              {result.fee && result.fee.amount > 0 ? (
                <p>
                  {t('eservicesPublic.receipt.fee')}: {formatMoney(result.fee.amount, result.fee.currency)}
                </p>
              ) : null}
              <p>
                <a
                  className="eserv-button primary"
                  href={publicHref('/e/status/', { agency, number: result.number })}
                >
                  {t('eservicesPublic.confirm.goPay')}
                </a>
              </p>
            </>
          ) : null}
          {result.state === 'in-review' || result.state === 'decided' ? (
            <p>
              {t('eservicesPublic.confirm.nextReview')}{' '}
              <a href={publicHref('/e/status/', { agency, number: result.number })}>
                {t('eservicesPublic.nav.status')}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
    </PublicShell>
  );
}
