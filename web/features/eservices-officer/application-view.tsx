'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { pickText, useI18n, type Translate } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { Table } from '../../ui/data-table';
import { ErrorAlert, ProblemAlert, StatusMessage } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { cardPath } from '../documents/paths';
import { formatSize } from '../documents/labels';
import type { CatalogueService } from '../eservices-public/types';
import {
  getApplication,
  publishedService,
  recordDecisions,
  type ApplicationView,
  type Decision,
} from './api';
import { LevelText } from './level';
import { scansOf, valueLines } from './values';
import './eservices-officer.css';

/** A translation, or the fallback when the catalog has no such key. */
const tr = (t: Translate, key: string, fallback: string) => {
  const text = t(key);
  return text === key ? fallback : text;
};

type Choice = { outcome: '' | 'approved' | 'refused'; reason: string };

/** `/applications/view/?number=…`: one application and, for a person of its running route, the decision form. */
export function ApplicationViewPage() {
  const { t } = useI18n();
  const number = useSearchParams()?.get('number') ?? '';
  const session = useSession();
  const tenantId = session.state.status === 'authenticated' ? session.state.me.tenant.id : undefined;
  const load = useLoad(async () => (number ? getApplication(number) : undefined), [number]);
  const [app, setApp] = useState<ApplicationView>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    setApp(load.data);
    setMessage('');
  }, [load.data]);
  const saved = (next: ApplicationView) => {
    setApp(next);
    setMessage(t('eservicesOfficer.view.saved'));
  };
  // The published form gives the fields' labels; without it the codes are shown.
  const form = useLoad(
    async () =>
      tenantId && app ? publishedService(tenantId, app.serviceCode).catch(() => undefined) : undefined,
    [tenantId, app?.serviceCode],
  );

  return (
    <>
      <p>
        <a href={`/applications/${app ? `?service=${encodeURIComponent(app.serviceCode)}` : ''}`}>
          {t('eservicesOfficer.view.back')}
        </a>
      </p>
      {!number ? <ErrorAlert title={t('eservicesOfficer.view.noNumber')} /> : null}
      {load.loading && !app ? <Loading /> : null}
      <ProblemAlert error={load.error} />
      <StatusMessage message={message} />
      {app ? (
        <Application
          app={app}
          service={form.data}
          onSaved={saved}
          onReload={load.reload}
          reloading={load.loading}
        />
      ) : null}
    </>
  );
}

function Application({
  app,
  service,
  onSaved,
  onReload,
  reloading,
}: {
  app: ApplicationView;
  service: CatalogueService | undefined;
  onSaved: (app: ApplicationView) => void;
  onReload: () => void;
  reloading: boolean;
}) {
  const { t, locale } = useI18n();
  const variant = service?.variants.find((v) => v.code === app.variant);
  return (
    <>
      <h1>{t('eservicesOfficer.view.title', { number: app.number })}</h1>
      <section aria-labelledby="eoff-summary">
        <h2 id="eoff-summary">{t('eservicesOfficer.view.summary')}</h2>
        <dl className="eoff-facts">
          <dt>{t('eservicesOfficer.view.service')}</dt>
          <dd>{service ? pickText(service.name, locale) : app.serviceCode}</dd>
          <dt>{t('eservicesOfficer.view.variant')}</dt>
          <dd>{variant ? pickText(variant.name, locale) : app.variant}</dd>
          <dt>{t('eservicesOfficer.view.state')}</dt>
          <dd data-testid="application-state">{t(`eservicesPublic.status.states.${app.state}`)}</dd>
          <dt>{t('eservicesOfficer.view.submittedAt')}</dt>
          <dd>{formatDateTime(app.submittedAt)}</dd>
          <dt>{t('eservicesOfficer.view.level')}</dt>
          <dd>
            <LevelText level={app.level} t={t} />
            {app.level ? (
              <span className="hint eoff-reg">
                {t('eservicesOfficer.view.lastDay', { day: app.level.lastDay })}
              </span>
            ) : null}
          </dd>
          <dt>{t('eservicesOfficer.view.document')}</dt>
          <dd>
            {app.documentId ? (
              <a href={cardPath(app.documentId)}>
                {t('eservicesOfficer.view.documentLink', { number: app.registrationNumber ?? app.number })}
              </a>
            ) : (
              t('eservicesOfficer.view.notRegistered')
            )}
          </dd>
          {app.routeOutcome ? (
            <>
              <dt>{t('eservicesOfficer.view.routeOutcome')}</dt>
              <dd>
                {t(`eservicesOfficer.view.routeOutcomes.${app.routeOutcome.outcome}`)},{' '}
                {formatDateTime(app.routeOutcome.at)}
                {app.routeOutcome.comment ? ` — ${app.routeOutcome.comment}` : ''}
              </dd>
            </>
          ) : null}
          <dt>{t('eservicesOfficer.view.contact')}</dt>
          <dd>{[app.contact.email, app.contact.phone].filter(Boolean).join(', ')}</dd>
          <dt>{t('eservicesOfficer.view.language')}</dt>
          <dd>{app.language}</dd>
        </dl>
        <Values
          headingId="eoff-common"
          title={t('eservicesOfficer.view.common')}
          level={3}
          lines={valueLines(service?.form.common ?? [], app.values.common, locale)}
          scans={scansOf(app.scans)}
        />
      </section>

      {app.values.applicants.map((values, i) => (
        <Applicant key={i} app={app} index={i} values={values} service={service} />
      ))}

      {app.actions.includes('decide') ? (
        <DecisionForm
          app={app}
          onSaved={onSaved}
          onReload={onReload}
          reloading={reloading}
          key={app.version}
        />
      ) : app.state === 'in-review' && !app.routeOutcome ? (
        <p className="hint">{t('eservicesOfficer.view.notDeciding')}</p>
      ) : null}

      <section aria-labelledby="eoff-log">
        <h2 id="eoff-log">{t('eservicesOfficer.view.log')}</h2>
        <Table
          caption={t('eservicesOfficer.view.logCaption')}
          headers={[
            t('eservicesOfficer.view.logAt'),
            t('eservicesOfficer.view.logEvent'),
            t('eservicesOfficer.view.logActor'),
          ]}
        >
          {app.log.map((entry, i) => (
            <tr key={i}>
              <td>{formatDateTime(entry.at)}</td>
              <th scope="row">{tr(t, `eservicesOfficer.view.events.${entry.event}`, entry.event)}</th>
              <td>{tr(t, `eservicesOfficer.view.actors.${entry.actor}`, entry.actor)}</td>
            </tr>
          ))}
        </Table>
      </section>
    </>
  );
}

function Values({
  headingId,
  title,
  level,
  lines,
  scans,
  children,
}: {
  headingId: string;
  title: string;
  /** The section's heading level (its sub-headings one below). */
  level: 2 | 3;
  lines: ReturnType<typeof valueLines>;
  scans: ApplicationView['scans'];
  children?: React.ReactNode;
}) {
  const { t, locale } = useI18n();
  const Heading = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby={headingId} className="eoff-part">
      <Heading id={headingId}>{title}</Heading>
      {lines.length > 0 ? (
        <dl className="eoff-facts">
          {lines.map((l) => (
            <div key={l.code} className="eoff-fact">
              <dt>{l.label}</dt>
              <dd>{l.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {scans.length > 0 ? (
        <>
          <Sub>{t('eservicesOfficer.view.scans')}</Sub>
          <ul className="eoff-scans">
            {scans.map((s) => (
              <li key={s.path}>
                {s.url ? (
                  <a href={s.url} rel="noopener" download={s.name}>
                    {t('eservicesOfficer.view.scanLink', { name: s.name, size: formatSize(s.bytes, locale) })}
                  </a>
                ) : (
                  t('eservicesOfficer.view.scanLink', { name: s.name, size: formatSize(s.bytes, locale) })
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {children}
    </section>
  );
}

function Applicant({
  app,
  index,
  values,
  service,
}: {
  app: ApplicationView;
  index: number;
  values: Record<string, unknown>;
  service: CatalogueService | undefined;
}) {
  const { t, locale } = useI18n();
  const check = app.checks.find((c) => c.applicant === index);
  const decision = app.decisions.find((d) => d.applicant === index);
  const id = `eoff-applicant-${index}`;
  return (
    <Values
      headingId={id}
      title={t('eservicesOfficer.view.applicant', { n: index + 1, name: app.applicants[index] ?? '' })}
      level={2}
      lines={valueLines(service?.form.applicant ?? [], values, locale)}
      scans={scansOf(app.scans, index)}
    >
      <h3>{t('eservicesOfficer.view.checks')}</h3>
      {!check ? (
        <p>{t('eservicesOfficer.view.checksNone')}</p>
      ) : check.ok && check.problems.length === 0 ? (
        <p>{t('eservicesOfficer.view.checksOk')}</p>
      ) : (
        <ul className="eoff-problems">
          {check.problems.map((p, i) => (
            <li key={i}>{pickText(p.message, locale)}</li>
          ))}
        </ul>
      )}
      <h3>{t('eservicesOfficer.view.decision')}</h3>
      <p data-testid={`decision-${index}`}>
        {decision
          ? t('eservicesOfficer.view.decided', {
              outcome: t(`eservicesOfficer.view.outcomes.${decision.outcome}`),
              at: formatDateTime(decision.decidedAt),
            })
          : t('eservicesOfficer.view.noDecision')}
        {decision?.reason ? (
          <>
            <br />
            {t('eservicesOfficer.view.reason', { reason: decision.reason })}
          </>
        ) : null}
      </p>
    </Values>
  );
}

/**
 * The officer's decision per applicant (approve / refuse with a reason / none now), sent under the
 * version they saw: a later decision by someone else of the route is a 409, shown with a reload.
 */
function DecisionForm({
  app,
  onSaved,
  onReload,
  reloading,
}: {
  app: ApplicationView;
  onSaved: (app: ApplicationView) => void;
  onReload: () => void;
  reloading: boolean;
}) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Choice[]>(() =>
    app.values.applicants.map((_, i) => {
      const d = app.decisions.find((x) => x.applicant === i);
      return { outcome: d?.outcome ?? '', reason: d?.reason ?? '' };
    }),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState('');
  const [reasonErrors, setReasonErrors] = useState<Record<number, string>>({});
  const stale = error instanceof ApiError && error.status === 409 && error.problem.code === 'stale_version';

  const set = (i: number, patch: Partial<Choice>) =>
    setChoices((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const missing: Record<number, string> = {};
    choices.forEach((c, i) => {
      if (c.outcome === 'refused' && !c.reason.trim()) missing[i] = t('eservicesOfficer.view.reasonRequired');
    });
    setReasonErrors(missing);
    const decisions: Decision[] = choices.flatMap((c, i) =>
      c.outcome === ''
        ? []
        : [
            {
              applicant: i,
              outcome: c.outcome,
              ...(c.outcome === 'refused' ? { reason: c.reason.trim() } : {}),
            },
          ],
    );
    setFormError(decisions.length === 0 ? t('eservicesOfficer.view.nothingChosen') : '');
    if (decisions.length === 0 || Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const saved = await recordDecisions(app.number, app.version, decisions);
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="eoff-decide">
      <h2 id="eoff-decide">{t('eservicesOfficer.view.formTitle')}</h2>
      <p className="hint">{t('eservicesOfficer.view.formLead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {choices.map((c, i) => {
          const name = app.applicants[i] ?? '';
          const reasonId = `eoff-reason-${i}`;
          return (
            <fieldset key={i} className="eoff-decision">
              <legend>{t('eservicesOfficer.view.decideFor', { n: i + 1, name })}</legend>
              {(['approved', 'refused', ''] as const).map((outcome) => (
                <div className="field-checkbox" key={outcome || 'none'}>
                  <input
                    type="radio"
                    id={`eoff-outcome-${i}-${outcome || 'none'}`}
                    name={`outcome-${i}`}
                    value={outcome}
                    checked={c.outcome === outcome}
                    onChange={() => set(i, { outcome })}
                  />
                  <label htmlFor={`eoff-outcome-${i}-${outcome || 'none'}`}>
                    {t(
                      outcome === 'approved'
                        ? 'eservicesOfficer.view.approve'
                        : outcome === 'refused'
                          ? 'eservicesOfficer.view.refuse'
                          : 'eservicesOfficer.view.undecided',
                    )}
                  </label>
                </div>
              ))}
              {c.outcome === 'refused' ? (
                <div className="field">
                  <label htmlFor={reasonId}>
                    {t('eservicesOfficer.view.refusalReason')}
                    <span className="required"> ({t('form.required')})</span>
                  </label>
                  <textarea
                    id={reasonId}
                    name={`reason-${i}`}
                    rows={3}
                    maxLength={2000}
                    value={c.reason}
                    required
                    aria-invalid={reasonErrors[i] ? true : undefined}
                    aria-describedby={reasonErrors[i] ? `${reasonId}-err` : undefined}
                    onChange={(e) => set(i, { reason: e.target.value })}
                  />
                  {reasonErrors[i] ? (
                    <p id={`${reasonId}-err`} className="field-error">
                      {reasonErrors[i]}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </fieldset>
          );
        })}
        {formError ? <ErrorAlert title={formError} /> : null}
        {stale ? (
          <div className="alert alert-error" role="alert" data-testid="stale">
            <p className="alert-title">{t('eservicesOfficer.view.stale')}</p>
            <p>
              <button type="button" className="secondary" onClick={onReload} disabled={reloading}>
                {t('eservicesOfficer.view.reload')}
              </button>
            </p>
          </div>
        ) : (
          <ProblemAlert error={error} />
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('eservicesOfficer.view.sending') : t('eservicesOfficer.view.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
