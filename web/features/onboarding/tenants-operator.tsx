'use client';

import { useRef, useState } from 'react';
import { ListSection, Table } from '../../ui/data-table';
import {
  ErrorAlert,
  FormActions,
  LocalizedFields,
  ProblemAlert,
  StatusMessage,
  TextField,
  cleanText,
  emptyText,
  fieldErrorsOf,
} from '../../ui/fields';
import { Pager, useCursorPager } from '../../ui/pager';
import { api, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { pickText, useI18n, type LocalizedText } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import type { TenantRegistration } from '../../api/contract';

type Errors = Record<string, string>;

interface TenantForm {
  name: LocalizedText;
  key: string;
  voen: string;
  legalAddress: string;
  email: string;
  phone: string;
  adminFullName: string;
  adminUsername: string;
  adminEmail: string;
}

const emptyForm = (): TenantForm => ({
  name: emptyText(),
  key: '',
  voen: '',
  legalAddress: '',
  email: '',
  phone: '',
  adminFullName: '',
  adminUsername: '',
  adminEmail: '',
});

/** A key per opened form: a retried submission of the same form creates the agency once. */
const newIdempotencyKey = () => `tenant-${crypto.randomUUID()}`;

/**
 * The platform operator's page: the agencies on the platform, and the form that onboards a new
 * one (its standard lists, its first admin invited by e-mail to set a password).
 */
export function TenantsOperatorPage() {
  const { t, locale } = useI18n();
  const pager = useCursorPager();
  const list = useLoad(
    () => api<Page<TenantRegistration>>('/platform/tenants', { query: { limit: 50, cursor: pager.cursor } }),
    [pager.cursor],
  );
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<TenantForm>(emptyForm);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<string>();
  const [resending, setResending] = useState<string>();
  const idempotencyKey = useRef(newIdempotencyKey());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const set = <K extends keyof TenantForm>(key: K, value: TenantForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const bind = (key: Exclude<keyof TenantForm, 'name'>, name: string = key) => ({
    name,
    value: form[key],
    onChange: (value: string) => set(key, value),
    errors,
  });

  const openForm = () => {
    setForm(emptyForm());
    setErrors({});
    setError(null);
    setStatus(undefined);
    idempotencyKey.current = newIdempotencyKey();
    setOpen(true);
    // Keyboard and screen-reader users land on the form.
    setTimeout(() => headingRef.current?.focus(), 0);
  };

  const validate = (f: TenantForm): Errors => {
    const e: Errors = {};
    if (!f.name.az.trim()) e['name.az'] = t('validation.required');
    if (f.key.trim() && !/^[a-z0-9][a-z0-9-]{2,39}$/.test(f.key.trim()))
      e.key = t('operator.form.keyInvalid');
    if (!/^\d{10}$/.test(f.voen.trim())) e.voen = t('validation.voen');
    if (!f.legalAddress.trim()) e.legalAddress = t('validation.required');
    if (!f.adminFullName.trim()) e['admin.fullName'] = t('validation.required');
    if (!f.adminUsername.trim()) e['admin.username'] = t('validation.required');
    if (!/^\S+@\S+\.\S+$/.test(f.adminEmail.trim())) e['admin.email'] = t('validation.email');
    return e;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const clientErrors = validate(form);
    setErrors(clientErrors);
    setError(null);
    if (Object.keys(clientErrors).length > 0) return;
    setSaving(true);
    const body = {
      ...(form.key.trim() ? { key: form.key.trim() } : {}),
      name: cleanText(form.name),
      legalAddress: form.legalAddress.trim(),
      voen: form.voen.trim(),
      ...(form.email.trim() ? { email: form.email.trim() } : {}),
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      admin: {
        fullName: form.adminFullName.trim(),
        username: form.adminUsername.trim(),
        email: form.adminEmail.trim(),
      },
    };
    api<TenantRegistration>('/platform/tenants', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey.current },
    })
      .then((created) => {
        setOpen(false);
        setStatus(
          t('operator.created', { name: pickText(created.name, locale), email: created.admin.email }),
        );
        pager.reset();
        list.reload();
      })
      .catch((err: unknown) => {
        setError(err);
        setErrors(fieldErrorsOf(err) as Errors);
      })
      .finally(() => setSaving(false));
  };

  const resend = (tenant: TenantRegistration) => {
    setResending(tenant.id);
    setStatus(undefined);
    setError(null);
    api<TenantRegistration>(`/platform/tenants/${encodeURIComponent(tenant.id)}/invitation`, {
      method: 'POST',
    })
      .then(() => setStatus(t('operator.resent', { email: tenant.admin.email })))
      .catch(setError)
      .finally(() => setResending(undefined));
  };

  const items = list.data?.items ?? [];
  const stateOf = (r: TenantRegistration) =>
    r.status === 'provisioning'
      ? t('operator.status.provisioning')
      : r.adminJoinedAt
        ? t('operator.status.joined', { date: formatDate(r.adminJoinedAt) })
        : t('operator.status.invited');

  return (
    <>
      <h1>{t('operator.title')}</h1>
      <p className="lead">{t('operator.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={openForm}>
          {t('operator.add')}
        </button>
      </div>
      <StatusMessage message={status} />
      {!open ? <ProblemAlert error={error} /> : null}
      {open ? (
        <section className="editor-panel" aria-labelledby="tenant-form-title">
          <h2 id="tenant-form-title" ref={headingRef} tabIndex={-1}>
            {t('operator.add')}
          </h2>
          <form onSubmit={submit} noValidate>
            <ProblemAlert error={error} />
            {Object.keys(errors).length > 0 && !error ? <ErrorAlert title={t('errors.checkFields')} /> : null}
            <LocalizedFields
              legend={t('operator.form.name')}
              name="name"
              value={form.name}
              onChange={(v) => set('name', v)}
              errors={errors}
              required
            />
            <div className="field-row">
              <TextField
                label={t('operator.form.voen')}
                {...bind('voen')}
                required
                hint={t('operator.form.voenHint')}
              />
              <TextField label={t('operator.form.key')} {...bind('key')} hint={t('operator.form.keyHint')} />
            </div>
            <TextField label={t('operator.form.legalAddress')} {...bind('legalAddress')} required />
            <div className="field-row">
              <TextField
                label={t('operator.form.email')}
                type="email"
                {...bind('email')}
                hint={t('operator.form.emailHint')}
              />
              <TextField label={t('operator.form.phone')} type="tel" {...bind('phone')} />
            </div>
            <fieldset className="field-group">
              <legend>{t('operator.form.admin')}</legend>
              <p className="hint">{t('operator.form.adminHint')}</p>
              <TextField
                label={t('operator.form.adminFullName')}
                {...bind('adminFullName', 'admin.fullName')}
                required
              />
              <div className="field-row">
                <TextField
                  label={t('operator.form.adminUsername')}
                  {...bind('adminUsername', 'admin.username')}
                  required
                />
                <TextField
                  label={t('operator.form.adminEmail')}
                  type="email"
                  {...bind('adminEmail', 'admin.email')}
                  required
                />
              </div>
            </fieldset>
            <FormActions
              busy={saving}
              label={t('operator.form.submit')}
              busyLabel={t('operator.form.submitting')}
              onCancel={() => setOpen(false)}
            />
          </form>
        </section>
      ) : null}
      <ListSection id="tenants-table" title={t('operator.list')} load={list} empty={items.length === 0}>
        {items.length > 0 ? (
          <Table
            caption={t('operator.list')}
            headers={[
              t('operator.columns.name'),
              t('operator.columns.key'),
              t('operator.columns.voen'),
              t('operator.columns.admin'),
              t('operator.columns.state'),
              t('operator.columns.created'),
            ]}
            actions
          >
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row">{pickText(r.name, locale)}</th>
                <td>{r.id}</td>
                <td>{r.voen}</td>
                <td>
                  {r.admin.fullName} ({r.admin.username})
                </td>
                <td>{stateOf(r)}</td>
                <td>{formatDate(r.createdAt)}</td>
                <td>
                  {!r.adminJoinedAt ? (
                    <button
                      type="button"
                      className="small"
                      disabled={resending === r.id}
                      aria-label={`${t('operator.resend')}: ${pickText(r.name, locale)}`}
                      onClick={() => resend(r)}
                    >
                      {t('operator.resend')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
      </ListSection>
      <Pager label={t('operator.pager')} pager={pager} nextCursor={list.data?.nextCursor} />
    </>
  );
}
