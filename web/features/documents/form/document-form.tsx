'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { createDocument, getDocument, isUuid, updateDocument, uploadContent } from '../api';
import { executionCharacters, orderCategories, type DocumentCard, type DocumentKind } from '../types';
import { formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { listApprovalRouteTemplates } from '../../approval/api';
import { useLoad } from '../../../lib/use-load';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorAlert,
  fieldBinder,
  fieldErrorsOf,
  FormActions,
  optionsOf,
  ProblemAlert,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../ui/fields';
import { Loading } from '../../../ui/loading';
import { UploadProgress, type UploadState } from '../card/upload-progress';
import { DateField } from './controls';
import {
  employeeOptions,
  journalOptions,
  refOptions,
  treeOptions,
  useLookups,
  type DocumentLookups,
} from './lookups';
import { emptyForm, formOf, newRecipient, toBody, type DocumentFormState } from './model';
import { RecipientsFields } from './recipients-fields';
import { RepeatPanel, useRepeatCandidates } from './repeat-panel';
import { SenderFields } from './sender-fields';
import { cardPath, listPathOf } from '../paths';
import './form.css';

type Errors = Record<string, string>;

/** Field names the form shows (API error paths outside these are listed in the alert). */
const shownFields = new Set([
  'summary',
  'note',
  'documentTypeId',
  'classificationId',
  'nomenclatureId',
  'deliveryFormId',
  'addresseeId',
  'controllerId',
  'controlled',
  'confidential',
  'accessList',
  'dueDate',
  'documentDate',
  'journalId',
  'sender.counterpartId',
  'sender.contactPerson',
  'sender.fin',
  'sender.name',
  'sender.address',
  'sender.phone',
  'sender.email',
  'documentNumber',
  'routeTemplateId',
  'physicalFormId',
  'pageCount',
  'distribution',
  'signatoryId',
  'content',
  'recipients',
  'receiptDays',
  'executionCharacter',
  'extraInfo',
  'category',
]);

function isShown(path: string): boolean {
  return shownFields.has(path) || /^recipients\.\d+\.(counterpartId|name|email|contactPerson)$/.test(path);
}

/** The document another one answers (shown above the form, sent as inReplyTo / answersId). */
function SourceDocument({ doc, label }: { doc: DocumentCard; label: string }) {
  const { t } = useI18n();
  return (
    <div className="notice doc-source">
      <p>
        <strong>{label}:</strong>{' '}
        <Link href={cardPath(doc.id)}>
          {t('doc.card.numberShort', { number: doc.registration?.number ?? t('doc.card.unregistered') })}
        </Link>
        {doc.registration ? ` — ${formatDate(doc.registration.at)}` : ''}
      </p>
      <p>{doc.summary}</p>
    </div>
  );
}

/**
 * The registration form of a document kind: create (POST with an Idempotency-Key, then the files,
 * then the card) or edit (PUT with the version the form was based on).
 */
export function DocumentForm({
  kind,
  document: existing,
  replyTo,
  answers,
  onSaved,
  onCancel,
  onReload,
}: {
  kind: DocumentKind;
  /** Edit mode: the stored document. */
  document?: DocumentCard;
  /** Outgoing: the incoming (or internal) document this one answers. */
  replyTo?: string;
  /** Internal: the document this one answers. */
  answers?: string;
  onSaved?: (doc: DocumentCard) => void;
  onCancel?: () => void;
  /** Edit mode: read the document again after a stale-version refusal. */
  onReload?: () => void;
}) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const mode = existing ? 'edit' : 'create';
  const formId = useId();
  const lookups = useLookups();
  const [form, setForm] = useState<DocumentFormState>(() => (existing ? formOf(existing) : emptyForm(kind)));
  // One key per form instance: a retried create (lost answer, double click) registers once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [created, setCreated] = useState<DocumentCard>();
  const repeatHeading = useRef<HTMLHeadingElement>(null);

  const sourceId = kind === 'outgoing' ? replyTo : kind === 'internal' ? answers : undefined;
  const source = useLoad(
    () => (mode === 'create' && isUuid(sourceId) ? getDocument(sourceId) : Promise.resolve(undefined)),
    [sourceId, mode],
  );

  // A reply goes back to whoever wrote: the sender becomes the first recipient.
  const prefilled = useRef(false);
  useEffect(() => {
    const src = source.data;
    if (!src || prefilled.current || kind !== 'outgoing') return;
    prefilled.current = true;
    const sender = src.incoming?.sender;
    setForm((f) => ({
      ...f,
      classificationId: f.classificationId || src.classificationId || '',
      nomenclatureId: f.nomenclatureId || src.nomenclatureId || '',
      recipients: sender
        ? [
            sender.kind === 'organization'
              ? newRecipient({
                  counterpartId: sender.counterpartId,
                  contactPerson: sender.contactPerson ?? '',
                })
              : newRecipient({ name: sender.name, email: sender.email ?? '' }),
          ]
        : f.recipients,
    }));
  }, [source.data, kind]);

  // Incoming mail may name its route template at registration (else the Viza tab proposes one).
  const templates = useLoad(
    () => (kind === 'incoming' ? listApprovalRouteTemplates() : Promise.resolve([])),
    [kind],
  );

  const repeat = useRepeatCandidates(form, kind === 'incoming' && mode === 'create');
  // A ticked candidate that is no longer offered is not linked silently.
  useEffect(() => {
    if (form.repeatOf && repeat.upToDate && !repeat.items.some((c) => c.document.id === form.repeatOf)) {
      setForm((f) => ({ ...f, repeatOf: '' }));
    }
  }, [form.repeatOf, repeat.upToDate, repeat.items]);

  const patch = (p: Partial<DocumentFormState>) => setForm((f) => ({ ...f, ...p }));
  const bind = fieldBinder(form, patch, errors);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving || created) return;
    setError(null);
    setNotice('');
    const links = {
      ...(kind === 'outgoing' && isUuid(replyTo) ? { inReplyTo: replyTo } : {}),
      ...(kind === 'internal' && isUuid(answers) ? { answersId: answers } : {}),
    };
    const { body, errors: clientErrors } = toBody(kind, form, mode, links, t);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;
    setSaving(true);
    try {
      if (mode === 'create' && kind === 'incoming') {
        // The clerk sees earlier appeals of the same matter before the new one is saved.
        const found = await repeat.ensure();
        if (found.unseen.length > 0) {
          setNotice(t('doc.repeat.reviewBeforeSaving'));
          repeatHeading.current?.focus();
          return;
        }
      }
      if (existing) {
        const saved = await updateDocument(kind, existing.id, body, existing.version);
        onSaved?.(saved);
        return;
      }
      const doc = await createDocument(kind, body, idempotencyKey);
      setCreated(doc);
      for (const [i, file] of files.entries()) {
        setUploads((u) => [...u.slice(0, i), { fileName: file.name, phase: 'hashing', fraction: 0 }]);
        await uploadContent(doc.id, file, (phase, fraction) =>
          setUploads((u) => u.map((x, j) => (j === i ? { ...x, phase, fraction } : x))),
        );
      }
      if (onSaved) onSaved(doc);
      else router.push(cardPath(doc.id));
    } catch (err) {
      setError(err);
      setErrors(fieldErrorsOf(err) as Errors);
    } finally {
      setSaving(false);
    }
  };

  const otherErrors = useMemo(
    () =>
      error instanceof ApiError
        ? (error.problem.errors ?? []).filter((e) => !isShown(e.path.replace(/^\//, '').replace(/\//g, '.')))
        : [],
    [error],
  );

  if (lookups.loading && !lookups.data) return <Loading />;
  const l: DocumentLookups | undefined = lookups.data;
  const employees = employeeOptions(l, locale, [form.controllerId, form.addresseeId, form.signatoryId]);
  const templateOptions = (templates.data ?? [])
    .filter((x) => x.kinds.includes(kind))
    .map((x) => ({ value: x.id, label: x.name }));
  // A value typed as free text before templates existed stays selectable as it was.
  if (form.routeTemplateId && !templateOptions.some((o) => o.value === form.routeTemplateId))
    templateOptions.push({ value: form.routeTemplateId, label: form.routeTemplateId });
  const saveLabel =
    mode === 'edit'
      ? t('form.save')
      : kind === 'incoming' || kind === 'outgoing'
        ? t('doc.form.register')
        : t('doc.form.createDraft');

  const refSelect = (
    key: 'documentTypeId' | 'nomenclatureId' | 'deliveryFormId' | 'physicalFormId',
    items: Exclude<keyof DocumentLookups, 'employees'>,
    label: string,
  ) => (
    <SelectField
      label={label}
      {...bind(key)}
      options={refOptions(l?.[items] ?? [], locale, form[key])}
      emptyLabel={t('common.choose')}
    />
  );
  const classification = (
    <SelectField
      label={t('doc.fields.classification')}
      {...bind('classificationId')}
      options={treeOptions(l?.classifications ?? [], locale, form.classificationId)}
      emptyLabel={t('common.choose')}
    />
  );
  const journal =
    mode === 'create' ? (
      <SelectField
        label={t('doc.fields.journal')}
        {...bind('journalId')}
        options={journalOptions(l?.journals ?? [], kind, locale)}
        emptyLabel={t('doc.form.journalDefault')}
      />
    ) : null;
  const employeeSelect = (
    key: 'addresseeId' | 'controllerId' | 'signatoryId',
    label: string,
    required?: boolean,
  ) => (
    <SelectField
      label={label}
      {...bind(key)}
      options={employees}
      emptyLabel={t('common.choose')}
      required={required}
    />
  );
  const summary = <TextAreaField label={t('doc.fields.summary')} {...bind('summary')} required rows={3} />;
  const note = <TextAreaField label={t('doc.fields.note')} {...bind('note')} rows={2} />;
  const control = (withDueDate: boolean) => (
    <fieldset className="field-group">
      <legend>{t('doc.form.control')}</legend>
      <CheckboxField
        label={t('doc.fields.controlled')}
        name="controlled"
        checked={form.controlled}
        onChange={(v) => patch({ controlled: v })}
        errors={errors}
      />
      <div className="field-row">
        {employeeSelect('controllerId', t('doc.fields.controller'))}
        {withDueDate ? <DateField label={t('doc.fields.dueDate')} {...bind('dueDate')} /> : null}
      </div>
    </fieldset>
  );

  // Məxfi (Decree 179): its own journal, named access, every read logged.
  const confidentiality = (
    <fieldset className="field-group">
      <legend>{t('doc.form.confidentiality')}</legend>
      <CheckboxField
        label={t('doc.fields.confidential')}
        name="confidential"
        checked={form.confidential}
        onChange={(v) => patch({ confidential: v })}
        errors={errors}
      />
      <p className="hint">{t('doc.form.confidentialHint')}</p>
      {form.confidential ? (
        <CheckboxGroup
          legend={t('doc.fields.accessList')}
          name="accessList"
          options={employeeOptions(l, locale, form.accessList)}
          value={form.accessList}
          onChange={(v) => patch({ accessList: v })}
          errors={errors}
        />
      ) : null}
    </fieldset>
  );

  return (
    <form className="doc-form" onSubmit={submit} noValidate aria-describedby={`${formId}-req`}>
      <p id={`${formId}-req`} className="hint">
        {t('doc.form.requiredHint')}
      </p>
      <ProblemAlert error={lookups.error} />
      {source.data ? (
        <SourceDocument
          doc={source.data}
          label={kind === 'outgoing' ? t('doc.fields.inReplyTo') : t('doc.fields.answers')}
        />
      ) : null}
      <ProblemAlert error={source.error} />

      {kind === 'incoming' ? (
        <>
          <SenderFields form={form} patch={patch} errors={errors} lookups={l} />
          <fieldset className="field-group">
            <legend>{t('doc.form.senderDocument')}</legend>
            <div className="field-row">
              <DateField label={t('doc.fields.senderDate')} {...bind('documentDate')} />
              <TextField label={t('doc.fields.senderNumber')} {...bind('documentNumber')} />
            </div>
          </fieldset>
          {summary}
          {mode === 'create' ? (
            <RepeatPanel
              ref={repeatHeading}
              items={repeat.items}
              loading={repeat.loading}
              checked={repeat.checked}
              error={repeat.error}
              value={form.repeatOf}
              onChange={(id) => patch({ repeatOf: id })}
            />
          ) : null}
          <fieldset className="field-group">
            <legend>{t('doc.form.registration')}</legend>
            {classification}
            <SelectField
              label={t('doc.fields.routeTemplate')}
              {...bind('routeTemplateId')}
              options={templateOptions}
              emptyLabel={t('doc.form.routeTemplateAuto')}
            />
            <p className="hint doc-route-hint">{t('doc.form.routeTemplateHint')}</p>
            <ProblemAlert error={templates.error} />
            {refSelect('nomenclatureId', 'nomenclature', t('doc.fields.nomenclature'))}
            {refSelect('documentTypeId', 'documentTypes', t('doc.fields.documentType'))}
            {journal}
          </fieldset>
          {control(true)}
          <fieldset className="field-group">
            <legend>{t('doc.form.addressing')}</legend>
            {employeeSelect('addresseeId', t('doc.fields.addressee'))}
            <CheckboxGroup
              legend={t('doc.fields.distribution')}
              name="distribution"
              options={employeeOptions(l, locale, form.distribution)}
              value={form.distribution}
              onChange={(v) => patch({ distribution: v })}
              errors={errors}
            />
          </fieldset>
          <fieldset className="field-group">
            <legend>{t('doc.form.carrier')}</legend>
            <div className="field-row">
              {refSelect('deliveryFormId', 'deliveryForms', t('doc.fields.deliveryForm'))}
              {refSelect('physicalFormId', 'physicalForms', t('doc.fields.physicalForm'))}
              <TextField label={t('doc.fields.pageCount')} type="number" min={1} {...bind('pageCount')} />
            </div>
          </fieldset>
          {note}
        </>
      ) : null}

      {kind === 'outgoing' ? (
        <>
          {employeeSelect('signatoryId', t('doc.fields.signatory'), true)}
          {summary}
          <TextAreaField label={t('doc.fields.content')} {...bind('content')} rows={6} />
          <RecipientsFields
            rows={form.recipients}
            onChange={(rows) => patch({ recipients: rows })}
            errors={errors}
            lookups={l}
          />
          <fieldset className="field-group">
            <legend>{t('doc.form.registration')}</legend>
            {refSelect('deliveryFormId', 'deliveryForms', t('doc.fields.deliveryForm'))}
            <TextField
              label={t('exchange.receiptDays.label')}
              type="number"
              min={1}
              hint={t('exchange.receiptDays.hint')}
              {...bind('receiptDays')}
            />
            {refSelect('nomenclatureId', 'nomenclature', t('doc.fields.nomenclature'))}
            {classification}
            {refSelect('documentTypeId', 'documentTypes', t('doc.fields.documentType'))}
            {journal}
          </fieldset>
          {note}
        </>
      ) : null}

      {kind === 'internal' ? (
        <>
          <div className="field-row">
            <SelectField
              label={t('doc.fields.executionCharacter')}
              {...bind('executionCharacter')}
              options={optionsOf(executionCharacters, (c) => t(`doc.executionCharacters.${c}`))}
              emptyLabel={t('common.choose')}
            />
            {refSelect('documentTypeId', 'documentTypes', t('doc.fields.documentType'))}
            <DateField label={t('doc.fields.dueDate')} {...bind('dueDate')} />
          </div>
          {summary}
          <TextAreaField label={t('doc.fields.extraInfo')} {...bind('extraInfo')} rows={3} />
          <div className="field-row">
            {employeeSelect('signatoryId', t('doc.fields.signatory'))}
            {employeeSelect('addresseeId', t('doc.fields.addressee'))}
          </div>
          <fieldset className="field-group">
            <legend>{t('doc.form.registration')}</legend>
            {classification}
            {refSelect('nomenclatureId', 'nomenclature', t('doc.fields.nomenclature'))}
            {journal}
          </fieldset>
          {control(false)}
          {note}
        </>
      ) : null}

      {kind === 'order' ? (
        <>
          <div className="field-row">
            <SelectField
              label={t('doc.fields.category')}
              {...bind('category')}
              options={optionsOf(orderCategories, (c) => t(`doc.orderCategories.${c}`))}
              required
            />
            <DateField label={t('doc.fields.orderDate')} {...bind('documentDate')} />
          </div>
          {summary}
          {note}
          {employeeSelect('signatoryId', t('doc.fields.signatory'))}
          <fieldset className="field-group">
            <legend>{t('doc.form.registration')}</legend>
            {refSelect('nomenclatureId', 'nomenclature', t('doc.fields.nomenclature'))}
            {classification}
            {journal}
          </fieldset>
        </>
      ) : null}

      {confidentiality}

      {mode === 'create' ? (
        <div className="field">
          <label htmlFor={`${formId}-files`}>{t('doc.form.files')}</label>
          <input
            id={`${formId}-files`}
            type="file"
            multiple
            aria-describedby={`${formId}-files-hint`}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
          <p id={`${formId}-files-hint`} className="hint">
            {t('doc.form.filesHint')}
          </p>
        </div>
      ) : null}

      <UploadProgress uploads={uploads} />

      <div role="status" aria-live="polite">
        {notice ? <p className="notice">{notice}</p> : null}
      </div>
      <ProblemAlert error={error} onReload={onReload} />
      {Object.keys(errors).length > 0 && !error ? <ErrorAlert title={t('errors.checkFields')} /> : null}
      {otherErrors.length > 0 ? (
        <ul className="field-error">
          {otherErrors.map((e) => (
            <li key={e.path + e.code}>{e.message}</li>
          ))}
        </ul>
      ) : null}
      {created && error ? (
        <p>
          <Link href={cardPath(created.id)}>{t('doc.form.openCreated')}</Link>
        </p>
      ) : null}

      <FormActions busy={saving} disabled={Boolean(created)} label={saveLabel}>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        ) : (
          <Link className="button-link secondary" href={listPathOf[kind]}>
            {t('form.cancel')}
          </Link>
        )}
      </FormActions>
    </form>
  );
}
