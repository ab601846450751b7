'use client';

import type { ReceivedVerification } from '../../api/contract';
import { formatDateTime } from '../../lib/dates';
import { useI18n, type Translate } from '../../lib/i18n';
import { verificationBadge, type VerificationBadge } from './model';

/** A problem code in words (an unknown code is shown as it is). */
export function problemText(t: Translate, code: string): string {
  const key = `exchange.problems.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** The queue's badge: verified, or not verified with the problems in words. */
export function VerificationBadgeView({ verification }: { verification?: ReceivedVerification }) {
  const { t } = useI18n();
  const badge: VerificationBadge = verificationBadge({ verification });
  const problems = verification && !verification.valid ? verification.problems : [];
  return (
    <>
      <span
        className={`badge exchange-badge exchange-badge-${badge}${badge === 'unverified' ? ' badge-danger' : ''}`}
        data-testid="verification-badge"
      >
        {t(`exchange.badge.${badge}`)}
      </span>
      {problems.length > 0 ? (
        <div className="small">{problems.map((p) => problemText(t, p)).join('; ')}</div>
      ) : null}
    </>
  );
}

/**
 * The verification of a received file in detail (Decree 935 §145): when it was checked, the result
 * in words, and each signature — signer, position, right, signed at, and whether it is intact,
 * chains to the sending agency's CA and was made with the right.
 */
export function VerificationDetail({ verification }: { verification?: ReceivedVerification }) {
  const { t } = useI18n();
  const check = (ok: boolean) => (
    <span className={ok ? 'badge' : 'badge badge-danger'}>
      {ok ? t('exchange.verification.yes') : t('exchange.verification.no')}
    </span>
  );
  if (!verification) return <p className="muted">{t('exchange.verification.none')}</p>;
  const rightName = (right?: string) => {
    if (!right) return '';
    const key = `exchange.verification.rights.${right}`;
    const text = t(key);
    return text === key ? right : text;
  };
  return (
    <>
      <p className="small">
        {t('exchange.verification.checkedAt', { at: formatDateTime(verification.checkedAt) })}
      </p>
      <p
        className={verification.valid ? 'alert alert-success' : 'alert alert-error'}
        data-testid="verification-result"
      >
        {verification.valid
          ? t('exchange.verification.valid')
          : t('exchange.verification.invalid', {
              problems: verification.problems.map((p) => problemText(t, p)).join('; '),
            })}
      </p>
      {verification.signatures.length === 0 ? (
        <p className="muted">{t('exchange.verification.noSignatures')}</p>
      ) : (
        <div className="table-wrap">
          <table className="exchange-table">
            <caption className="visually-hidden">{t('exchange.verification.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.verification.signer')}</th>
                <th scope="col">{t('exchange.verification.position')}</th>
                <th scope="col">{t('exchange.verification.right')}</th>
                <th scope="col">{t('exchange.verification.signedAt')}</th>
                <th scope="col">{t('exchange.verification.integrity')}</th>
                <th scope="col">{t('exchange.verification.chain')}</th>
                <th scope="col">{t('exchange.verification.authority')}</th>
                <th scope="col">{t('exchange.verification.result')}</th>
              </tr>
            </thead>
            <tbody>
              {verification.signatures.map((s) => (
                <tr key={s.fieldName} data-testid="received-signature">
                  <th scope="row">{s.signerName ?? s.fieldName}</th>
                  <td>{s.positionTitle ?? ''}</td>
                  <td>{rightName(s.right)}</td>
                  <td>{s.signedAt ? formatDateTime(s.signedAt) : ''}</td>
                  <td>{check(s.integrity)}</td>
                  <td>{check(s.chain)}</td>
                  <td>{check(s.authority)}</td>
                  <td>
                    {s.valid ? (
                      t('exchange.verification.ok')
                    ) : (
                      <strong>{t('exchange.verification.bad')}</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
