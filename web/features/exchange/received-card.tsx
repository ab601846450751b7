'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { saveFrom } from '../../lib/download';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useBusyAction } from '../../lib/use-busy';
import { useLoad } from '../../lib/use-load';
import { FormActions, ProblemAlert, SelectField, StatusMessage, TextAreaField } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { isUuid } from '../documents/api';
import { employeeOptions, refOptions, treeOptions, useLookups } from '../documents/form/lookups';
import { cardPath } from '../documents/paths';
import {
  getReceived,
  receivedFileLink,
  receivedListPath,
  refuseReceived,
  registerReceived,
  verifyReceived,
  type ReceivedItem,
} from './api';
import { EvidenceButton } from './evidence';
import { formatSize, mayRefuse, registrability } from './model';
import { SenderRequisites } from './received-list';
import { VerificationDetail } from './verification';
import './exchange.css';

type Row = [label: string, value: React.ReactNode];

/** Each file of the item with its download button (the short-lived link is asked for at the click). */
function Files({ item }: { item: ReceivedItem }) {
  const { t } = useI18n();
  const { busy, error, run } = useBusyAction();
  if (item.files.length === 0) return <p className="muted">{t('exchange.card.noFiles')}</p>;
  return (
    <>
      <ul className="plain exchange-files">
        {item.files.map((f, index) => (
          <li key={`${f.sha256}-${index}`}>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              aria-label={t('exchange.card.download', { name: f.name })}
              onClick={() =>
                void run(async () => {
                  const link = await receivedFileLink(item.id, index);
                  saveFrom(link.url, f.name);
                })
              }
            >
              {f.name}
            </button>
            <span className="muted small">
              {' '}
              ({formatSize(f.size)}
              {f.singleFile ? `, ${t('exchange.card.singleFile')}` : ''})
            </span>
            <div className="small code wrap-anywhere">SHA-256: {f.sha256}</div>
          </li>
        ))}
      </ul>
      <ProblemAlert error={error} />
    </>
  );
}

/** Register: the optional choices of the incoming registration form, then the new document's card. */
function RegisterForm({
  item,
  onCancel,
  onConflict,
}: {
  item: ReceivedItem;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const formId = useId();
  const lookups = useLookups();
  const l = lookups.data;
  const [choices, setChoices] = useState({
    documentTypeId: '',
    classificationId: '',
    addresseeId: '',
    note: '',
  });
  const { busy, error, setError, run } = useBusyAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const bind = (name: keyof typeof choices) => ({
    name,
    value: choices[name],
    onChange: (v: string) => setChoices((c) => ({ ...c, [name]: v })),
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    void run(async () => {
      const picked = Object.fromEntries(
        Object.entries(choices)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v),
      );
      const answer = await registerReceived(item, picked);
      router.push(cardPath(answer.documentId));
    });
  };
  const incomingTypes = (l?.documentTypes ?? []).filter(
    (x) => !Array.isArray(x.kinds) || (x.kinds as unknown[]).includes('incoming'),
  );
  return (
    <section className="editor-panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} ref={headingRef} tabIndex={-1}>
        {t('exchange.register.title')}
      </h2>
      <p>{t('exchange.register.intro')}</p>
      <ProblemAlert error={lookups.error} />
      <form onSubmit={submit} noValidate>
        <SelectField
          label={t('exchange.register.documentType')}
          {...bind('documentTypeId')}
          options={refOptions(incomingTypes, locale, choices.documentTypeId)}
          emptyLabel={t('common.choose')}
        />
        <SelectField
          label={t('exchange.register.classification')}
          {...bind('classificationId')}
          options={treeOptions(l?.classifications ?? [], locale, choices.classificationId)}
          emptyLabel={t('common.choose')}
        />
        <SelectField
          label={t('exchange.register.addressee')}
          {...bind('addresseeId')}
          options={employeeOptions(l, locale)}
          emptyLabel={t('common.choose')}
        />
        <TextAreaField label={t('exchange.register.note')} {...bind('note')} rows={2} />
        <ProblemAlert
          error={error}
          onReload={() => {
            setError(null);
            onConflict();
          }}
        />
        <FormActions
          busy={busy}
          label={t('exchange.register.submit')}
          busyLabel={t('exchange.register.busy')}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}

/** Refuse: the reason is required and goes back to the sender. */
function RefuseForm({
  item,
  onCancel,
  onDone,
  onConflict,
}: {
  item: ReceivedItem;
  onCancel: () => void;
  onDone: (item: ReceivedItem) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, setError, run } = useBusyAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setErrors({ reason: t('validation.required') });
      return;
    }
    setErrors({});
    void run(async () => onDone(await refuseReceived(item, reason.trim())));
  };
  return (
    <section className="editor-panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} ref={headingRef} tabIndex={-1}>
        {t('exchange.refuse.title')}
      </h2>
      <p>{t('exchange.refuse.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextAreaField
          label={t('exchange.refuse.reason')}
          name="reason"
          value={reason}
          onChange={setReason}
          errors={errors}
          required
          rows={3}
        />
        <ProblemAlert
          error={error}
          onReload={() => {
            setError(null);
            onConflict();
          }}
        />
        <FormActions
          busy={busy}
          label={t('exchange.refuse.submit')}
          busyLabel={t('exchange.refuse.busy')}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}

/**
 * The card of a received electronic document: sender, requisites, files, the verification in
 * detail with a re-check, and the clerk's Register and Refuse. A quarantined item shows its reason
 * and cannot be registered; an unverified one from an agency says why it cannot.
 */
export function ReceivedCard({ id }: { id: string }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const loaded = useLoad(() => getReceived(id), [id]);
  const [item, setItem] = useState<ReceivedItem>();
  const [open, setOpen] = useState<'register' | 'refuse'>();
  const verify = useBusyAction();
  const [message, setMessage] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const verificationId = useId();

  useEffect(() => {
    if (loaded.data) setItem(loaded.data);
  }, [loaded.data]);

  if (loaded.loading && !item) return <Loading />;
  if (!item) {
    const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <>
        <h1>{t('exchange.card.title')}</h1>
        {notFound ? (
          <p className="notice">{t('exchange.card.notFound')}</p>
        ) : (
          <ProblemAlert error={loaded.error} />
        )}
      </>
    );
  }

  const clerk = hasRole('clerk');
  const registrable = registrability(item);
  const reload = () => {
    setOpen(undefined);
    void getReceived(id)
      .then(setItem)
      .catch(() => loaded.reload());
  };
  const closeForm = () => {
    setOpen(undefined);
    headingRef.current?.focus();
  };

  const rows: Row[] = [];
  const push = (label: string, value: React.ReactNode) => {
    if (value !== undefined && value !== null && value !== '') rows.push([label, value]);
  };
  const { sender } = item;
  push(
    t('exchange.card.sender'),
    <>
      {sender.organizationName}
      {sender.voen ? <span className="muted">{` (${t('exchange.card.voen')}: ${sender.voen})`}</span> : null}
      {sender.address ? <div>{sender.address}</div> : null}
      {sender.email ? <div>{sender.email}</div> : null}
    </>,
  );
  push(t('exchange.card.number'), item.requisites.number);
  push(t('exchange.card.date'), item.requisites.date ? formatDate(item.requisites.date) : '');
  push(t('exchange.card.summary'), <p className="exchange-pre">{item.requisites.summary}</p>);
  push(t('exchange.card.source'), t(`exchange.sources.${item.source}`));
  push(
    t('exchange.card.state'),
    <span className={`exchange-state exchange-state-${item.state}`} data-testid="received-state">
      {t(`exchange.states.${item.state}`)}
    </span>,
  );
  push(t('exchange.card.receivedAt'), formatDateTime(item.receivedAt));
  push(t('exchange.card.openedAt'), item.openedAt ? formatDateTime(item.openedAt) : '');

  return (
    <article className="exchange-card" aria-labelledby="received-title">
      <p className="exchange-breadcrumb">
        <Link href={receivedListPath(item.state)}>{t('exchange.card.back')}</Link>
      </p>
      <h1 id="received-title" ref={headingRef} tabIndex={-1}>
        {t('exchange.card.heading', { sender: sender.organizationName })}
      </h1>
      <p className="lead">
        <SenderRequisites item={item} /> — {item.requisites.summary}
      </p>

      {item.quarantine ? (
        <div className="alert alert-error" role="note" data-testid="quarantine">
          <p className="alert-title">
            {t('exchange.quarantine.title')}: {t(`exchange.quarantine.reasons.${item.quarantine.reason}`)}
          </p>
          {item.quarantine.detail ? <p>{item.quarantine.detail}</p> : null}
          <p>{t('exchange.quarantine.hint')}</p>
        </div>
      ) : null}
      {item.registration ? (
        <p className="notice" data-testid="received-registration">
          {t('exchange.card.registered', {
            number: item.registration.number,
            date: formatDate(item.registration.date),
          })}{' '}
          <Link href={cardPath(item.registration.documentId)}>{t('exchange.card.openDocument')}</Link>
        </p>
      ) : null}
      {item.registration ? (
        <EvidenceButton documentId={item.registration.documentId} name={item.registration.number} />
      ) : null}
      {item.refusal ? (
        <p className="notice">
          {t('exchange.card.refused', { date: formatDate(item.refusal.at), reason: item.refusal.reason })}
        </p>
      ) : null}
      {item.receipt ? (
        <p className="small">{t('exchange.card.receipt', { at: formatDateTime(item.receipt.at) })}</p>
      ) : null}

      {!open && clerk && item.state === 'waiting' ? (
        <div className="toolbar" role="group" aria-label={t('exchange.card.actions')}>
          <button
            type="button"
            className="primary"
            disabled={!registrable.ok}
            aria-describedby={registrable.ok ? undefined : 'received-why-not'}
            onClick={() => {
              setMessage('');
              setOpen('register');
            }}
          >
            {t('exchange.register.open')}
          </button>
          {mayRefuse(item) ? (
            <button
              type="button"
              className="secondary danger"
              onClick={() => {
                setMessage('');
                setOpen('refuse');
              }}
            >
              {t('exchange.refuse.open')}
            </button>
          ) : null}
        </div>
      ) : null}
      {!registrable.ok && (registrable.reason === 'unverified' || registrable.reason === 'unchecked') ? (
        <p id="received-why-not" className="notice" data-testid="cannot-register">
          {t(`exchange.card.cannotRegister.${registrable.reason}`)}
        </p>
      ) : null}
      {open === 'register' ? <RegisterForm item={item} onCancel={closeForm} onConflict={reload} /> : null}
      {open === 'refuse' ? (
        <RefuseForm
          item={item}
          onCancel={closeForm}
          onConflict={reload}
          onDone={(next) => {
            setItem(next);
            setOpen(undefined);
            setMessage(t('exchange.refuse.done'));
            headingRef.current?.focus();
          }}
        />
      ) : null}
      <StatusMessage message={message || verify.message} />

      <dl className="details exchange-details">
        {rows.map(([label, value], i) => (
          <div key={i} className="exchange-details-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="received-files">
        <h2 id="received-files">{t('exchange.card.files')}</h2>
        <Files item={item} />
      </section>

      {item.state !== 'quarantined' ? (
        <section aria-labelledby={verificationId}>
          <h2 id={verificationId}>{t('exchange.verification.title')}</h2>
          <VerificationDetail verification={item.verification} />
          <button
            type="button"
            className="secondary exchange-reverify"
            disabled={verify.busy}
            onClick={() =>
              void verify.run(async () => {
                setMessage('');
                setItem(await verifyReceived(item.id));
                verify.setMessage(t('exchange.verification.done'));
              })
            }
          >
            {verify.busy ? t('exchange.verification.checking') : t('exchange.verification.again')}
          </button>
          <ProblemAlert error={verify.error} />
        </section>
      ) : null}
    </article>
  );
}

/** `/received/view/?id=<received item id>` */
function ReceivedView() {
  const { t } = useI18n();
  const id = useSearchParams().get('id');
  if (!isUuid(id)) {
    return (
      <>
        <h1>{t('exchange.card.title')}</h1>
        <p className="notice">{t('exchange.card.notFound')}</p>
      </>
    );
  }
  return <ReceivedCard key={id} id={id} />;
}

export function ReceivedCardPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ReceivedView />
    </Suspense>
  );
}
