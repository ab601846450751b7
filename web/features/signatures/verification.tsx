'use client';

import { useEffect, useState } from 'react';
import type { SingleFileVerification } from '../../api/contract';
import { useI18n } from '../../lib/i18n';
import { formatDateTime } from '../../lib/dates';
import { ProblemAlert } from '../../ui/fields';
import { verifySingleFile } from './api';

type Signature = SingleFileVerification['signatures'][number];

/**
 * Elektron imzalar: the signatures on the single file as the server verifies them (Decree 935
 * §144.4, §145) — for each, who signed exercising which right and position (and on whose behalf),
 * when, whether it is intact, chains to the agency's CA and was made with the right, and which
 * bytes it covers; then the document's requisites. Read again when the document's version changes.
 */
export function SignaturesPanel({ documentId, version }: { documentId: string; version: number }) {
  const { t } = useI18n();
  const [result, setResult] = useState<SingleFileVerification | undefined>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    verifySingleFile(documentId)
      .then((r) => {
        if (current) setResult(r);
      })
      .catch((err: unknown) => {
        if (current) setError(err);
      });
    return () => {
      current = false;
    };
  }, [documentId, version]);

  const check = (ok: boolean) => (
    <span className={ok ? 'badge' : 'badge badge-danger'}>
      {ok ? t('signatures.yes') : t('signatures.no')}
    </span>
  );
  const ranges = (s: Signature) => {
    const [a = 0, b = 0, c = 0, d = 0] = s.byteRange;
    return t('signatures.rangesValue', { from1: a, to1: a + b, from2: c, to2: c + d });
  };

  return (
    <section className="signatures" aria-labelledby="signatures-title">
      <h3 id="signatures-title">{t('signatures.title')}</h3>
      <ProblemAlert error={error} />
      {!result ? (
        error ? null : (
          <p className="loading">{t('signatures.loading')}</p>
        )
      ) : result.signatures.length === 0 ? (
        <p className="muted">{t('signatures.none')}</p>
      ) : (
        <>
          <p role="status">{result.valid ? t('signatures.allValid') : t('signatures.notAllValid')}</p>
          <table className="doc-print-table">
            <caption className="visually-hidden">{t('signatures.title')}</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('signatures.signer')}</th>
                <th scope="col">{t('signatures.signedAt')}</th>
                <th scope="col">{t('signatures.integrity')}</th>
                <th scope="col">{t('signatures.chain')}</th>
                <th scope="col">{t('signatures.authority')}</th>
                <th scope="col">{t('signatures.ranges')}</th>
                <th scope="col">{t('signatures.result')}</th>
              </tr>
            </thead>
            <tbody>
              {result.signatures.map((s, i) => (
                <tr key={s.fieldName} data-testid="signature-row">
                  <td>{i + 1}</td>
                  <td>
                    <strong>
                      {s.right === 'sign' ? t('signatures.rightSign') : t('signatures.rightEndorse')}
                    </strong>
                    {': '}
                    {s.signerName ?? s.signer.subject}
                    {s.positionTitle ? <span className="muted">{` — ${s.positionTitle}`}</span> : null}
                    {s.onBehalfOfName ? (
                      <div className="small">{t('signatures.onBehalfOf', { name: s.onBehalfOfName })}</div>
                    ) : null}
                  </td>
                  <td>{s.signedAt ? formatDateTime(s.signedAt) : ''}</td>
                  <td>{check(s.integrity)}</td>
                  <td>{check(s.chain)}</td>
                  <td>{check(s.authority)}</td>
                  <td className="small">
                    {ranges(s)}
                    <div>
                      {s.coversWholeFile
                        ? t('signatures.coversWholeFile')
                        : s.coversRevision
                          ? t('signatures.coversRevision')
                          : t('signatures.coversPart')}
                    </div>
                  </td>
                  <td>{s.valid ? t('signatures.valid') : <strong>{t('signatures.invalid')}</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {result ? (
        <>
          <h4>{t('signatures.requisites')}</h4>
          <ul className="plain">
            {result.requisites.map((r) => (
              <li key={r.requisite}>
                {t(`signatures.requisite.${r.requisite}`)}: {check(r.present)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
