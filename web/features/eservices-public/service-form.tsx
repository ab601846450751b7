'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, publicApi } from '../../lib/api';
import { serverNow } from '../../lib/config';
import { formatDateTime } from '../../lib/dates';
import { pickText, useI18n } from '../../lib/i18n';
import { Loading } from '../../ui/loading';
import { ProblemAlert } from '../../ui/fields';
import {
  bakuToday,
  checkForm,
  fieldPaths,
  formatMoney,
  initialState,
  mapServerErrors,
  maxApplicants,
  paths,
  toRequest,
  totalFee,
  update,
  type ClientError,
  type FormState,
} from './form-model';
import { FieldInput, type FormContext } from './form-fields';
import { NoAgency, PublicShell, feeText, levelText, publicHref, useQuery } from './public-shell';
import type { CatalogueService, SubmittedApplication } from './types';

/** A fresh Idempotency-Key (random UUID; getRandomValues where randomUUID is missing). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * `/e/service/?agency=…&code=…`: the application form generated from the published definition,
 * then the receipt. One Idempotency-Key per form, kept across retries of the same form (a lost
 * answer sent again returns the same application, never a second one).
 */
export function ServiceFormPage() {
  const { t, locale } = useI18n();
  const query = useQuery();
  const agency = query?.get('agency') ?? undefined;
  const code = query?.get('code') ?? undefined;
  const [service, setService] = useState<CatalogueService>();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [state, setState] = useState<FormState>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [failed, setFailed] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [pending, setPending] = useState(0);
  const [receipt, setReceipt] = useState<SubmittedApplication>();
  const idempotencyKey = useRef<string>('');
  const summary = useRef<HTMLDivElement>(null);
  const variantId = useId();

  useEffect(() => {
    if (!agency || !code) return;
    publicApi<CatalogueService>(
      `/agencies/${encodeURIComponent(agency)}/services/${encodeURIComponent(code)}`,
    )
      .then((s) => {
        setService(s);
        setState(initialState(s));
        idempotencyKey.current = newIdempotencyKey();
      })
      .catch(setLoadError);
  }, [agency, code]);

  // After a refused attempt, the first field in error takes the focus.
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick === 0) return;
    const first = document.querySelector<HTMLElement>('.eserv-form [aria-invalid="true"]');
    (first ?? summary.current)?.focus();
  }, [focusTick]);

  const name = service ? pickText(service.name, locale) : '';
  const title = receipt ? t('eservicesPublic.receipt.title') : name || t('eservicesPublic.catalogue.title');

  const messageOf = (e: ClientError) => t(`eservicesPublic.errors.${e.code}`, e.params);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!service || !state || !agency) return;
    setSubmitError(null);
    setGeneral([]);
    if (pending > 0) {
      setFailed(true);
      setGeneral([t('eservicesPublic.form.uploadsPending')]);
      return;
    }
    const found = checkForm(service, state, bakuToday(serverNow()));
    const messages = Object.fromEntries(Object.entries(found).map(([p, e]) => [p, messageOf(e)]));
    setErrors(messages);
    if (Object.keys(messages).length > 0) {
      setFailed(true);
      setFocusTick((n) => n + 1);
      return;
    }
    setFailed(false);
    setSending(true);
    publicApi<SubmittedApplication>(
      `/agencies/${encodeURIComponent(agency)}/services/${encodeURIComponent(service.code)}/applications`,
      {
        method: 'POST',
        body: toRequest(service, state, locale),
        headers: { 'Idempotency-Key': idempotencyKey.current },
      },
    )
      .then((answer) => {
        setReceipt(answer);
        window.scrollTo(0, 0);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.problem.errors?.length) {
          const mapped = mapServerErrors(err.problem.errors, fieldPaths(service, state));
          setErrors(mapped.fields);
          setGeneral(mapped.general);
          setFailed(true);
          setFocusTick((n) => n + 1);
        } else {
          setSubmitError(err);
        }
      })
      .finally(() => setSending(false));
  };

  const ctx: FormContext | undefined =
    agency && service
      ? {
          agency,
          serviceCode: service.code,
          errors,
          referenceOptions: service.referenceOptions,
          uploading: (d) => setPending((n) => n + d),
        }
      : undefined;

  return (
    <PublicShell title={title} agency={agency}>
      {query && (!agency || !code) ? <NoAgency /> : null}
      <ProblemAlert error={loadError} />
      {agency && code && !service && !loadError ? <Loading /> : null}
      {service && receipt ? <Receipt service={service} receipt={receipt} agency={agency!} /> : null}
      {service && state && ctx && !receipt ? (
        <>
          <h1>{t('eservicesPublic.form.title', { name })}</h1>
          <p className="lead">{pickText(service.description, locale)}</p>
          <p className="hint form-intro">{t('eservicesPublic.form.intro')}</p>
          <form className="eserv-form" onSubmit={submit} noValidate>
            <fieldset
              className="field-group eserv-variants-choice"
              aria-describedby={errors.variant ? `${variantId}-err` : undefined}
            >
              <legend>
                {t('eservicesPublic.form.variant')}
                <span className="required"> ({t('form.required')})</span>
              </legend>
              {service.variants.map((v) => (
                <div className="field-checkbox eserv-variant" key={v.code}>
                  <input
                    type="radio"
                    id={`${variantId}-${v.code}`}
                    name="variant"
                    value={v.code}
                    checked={state.variant === v.code}
                    aria-invalid={errors.variant ? true : undefined}
                    onChange={() => setState((s) => s && update.variant(s, v.code))}
                  />
                  <label htmlFor={`${variantId}-${v.code}`}>
                    <strong>{pickText(v.name, locale)}</strong> — {feeText(v.fee, t)} —{' '}
                    {levelText(v.level, t)}
                    {v.description ? (
                      <span className="hint"> ({pickText(v.description, locale)})</span>
                    ) : null}
                  </label>
                </div>
              ))}
              {errors.variant ? (
                <p id={`${variantId}-err`} className="field-error">
                  {errors.variant}
                </p>
              ) : null}
            </fieldset>

            {service.form.common.length > 0 ? (
              <fieldset className="field-group">
                <legend>{t('eservicesPublic.form.contact')}</legend>
                {service.form.common.map((f) => (
                  <FieldInput
                    key={f.code}
                    field={f}
                    path={paths.common(f.code)}
                    value={state.common[f.code]}
                    ctx={ctx}
                    set={(fn) => setState((s) => s && update.common(s, f.code, fn(s.common[f.code])))}
                  />
                ))}
              </fieldset>
            ) : null}

            {state.applicants.map((applicant, i) => (
              <fieldset className="field-group eserv-applicant" key={i}>
                <legend>{t('eservicesPublic.form.applicant', { n: i + 1 })}</legend>
                {service.form.applicant.map((f) => (
                  <FieldInput
                    key={f.code}
                    field={f}
                    path={paths.applicant(i, f.code)}
                    value={applicant[f.code]}
                    ctx={ctx}
                    set={(fn) =>
                      setState((s) => s && update.applicant(s, i, f.code, fn(s.applicants[i]?.[f.code])))
                    }
                  />
                ))}
                {state.applicants.length > 1 ? (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setState((s) => s && update.removeApplicant(s, i));
                      // The paths after it moved: the old errors no longer fit.
                      setErrors({});
                    }}
                  >
                    {t('eservicesPublic.form.removeApplicant', { n: i + 1 })}
                  </button>
                ) : null}
              </fieldset>
            ))}
            {errors.applicants ? <p className="field-error">{errors.applicants}</p> : null}
            {maxApplicants(service) > 1 ? (
              <div className="eserv-add-applicant">
                <button
                  type="button"
                  className="secondary"
                  disabled={state.applicants.length >= maxApplicants(service)}
                  onClick={() => setState((s) => s && update.addApplicant(s, service))}
                >
                  {t('eservicesPublic.form.addApplicant')}
                </button>
                <p className="hint">
                  {t('eservicesPublic.form.applicantsLimit', { max: maxApplicants(service) })}
                </p>
              </div>
            ) : null}

            <Total service={service} state={state} />
            <div ref={summary} tabIndex={-1} className="eserv-summary">
              {failed ? (
                <div className="alert alert-error" role="alert">
                  <p className="alert-title">{t('eservicesPublic.form.hasErrors')}</p>
                  {general.length > 0 ? (
                    <ul>
                      {general.map((g, k) => (
                        <li key={k}>{g}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
              <ProblemAlert error={submitError} />
            </div>
            <div className="form-actions">
              <button type="submit" className="primary large" disabled={sending}>
                {sending ? t('eservicesPublic.form.submitting') : t('eservicesPublic.form.submit')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </PublicShell>
  );
}

function Total({ service, state }: { service: CatalogueService; state: FormState }) {
  const { t } = useI18n();
  const fee = totalFee(service, state);
  if (!fee) return null;
  return (
    <p className="eserv-total" aria-live="polite">
      {fee.amount === 0
        ? t('eservicesPublic.form.totalFree')
        : t('eservicesPublic.form.total', { amount: formatMoney(fee.amount, fee.currency) })}
    </p>
  );
}

/** The answer to a submitted application: its number, what to do next, the receipt. */
function Receipt({
  service,
  receipt,
  agency,
}: {
  service: CatalogueService;
  receipt: SubmittedApplication;
  agency: string;
}) {
  const { t, locale } = useI18n();
  const confirmBy = receipt.confirmBy ? formatDateTime(receipt.confirmBy).split(' ') : undefined;
  const minutes = service.confirmEmailWithinMinutes;
  return (
    <section aria-labelledby="eserv-receipt-title" className="eserv-receipt">
      <h1 id="eserv-receipt-title">{t('eservicesPublic.receipt.title')}</h1>
      <div role="status">
        <dl className="details">
          <dt>{t('eservicesPublic.receipt.number')}</dt>
          <dd data-testid="application-number" className="eserv-number">
            {receipt.number}
          </dd>
          <dt>{t('eservicesPublic.status.service')}</dt>
          <dd>{pickText(service.name, locale)}</dd>
          <dt>{t('eservicesPublic.receipt.submittedAt')}</dt>
          <dd>{formatDateTime(receipt.submittedAt)}</dd>
          {receipt.fee.amount > 0 ? (
            <>
              <dt>{t('eservicesPublic.receipt.fee')}</dt>
              <dd>{formatMoney(receipt.fee.amount, receipt.fee.currency)}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {receipt.state === 'awaiting-confirmation' && minutes ? (
        <div className="alert eserv-notice">
          <p className="alert-title">{t('eservicesPublic.receipt.checkEmail', { minutes })}</p>
          {confirmBy ? (
            <p>
              {t('eservicesPublic.receipt.confirmBy', { date: confirmBy[0] ?? '', time: confirmBy[1] ?? '' })}
            </p>
          ) : null}
        </div>
      ) : null}
      <p>{t('eservicesPublic.receipt.keepNumber')}</p>
      <p className="eserv-actions">
        <a
          href={receipt.receiptUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="eserv-button primary"
        >
          {t('eservicesPublic.receipt.pdf')}
        </a>
        <a href={publicHref('/e/status/', { agency, number: receipt.number })} className="eserv-button">
          {t('eservicesPublic.receipt.status')}
        </a>
      </p>
    </section>
  );
}
