'use client';

import { useState } from 'react';
import {
  CheckboxField,
  fieldErrorsOf,
  FormActions,
  ProblemAlert,
  StatusMessage,
  TextField,
} from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy';
import { useLoad } from '../../lib/use-load';
import type { SmsSettings } from '../../api/contract';

interface SmsForm {
  enabled: boolean;
  monthlyParts: string;
}

/** yyyy-MM → MM.yyyy */
const monthLabel = (month: string) => month.split('-').reverse().join('.');

/**
 * The agency's SMS notices (admins): on or off, the monthly budget of SMS parts, and the parts
 * used this (Baku) month. SMS is the costly channel, so it is off until the admin turns it on.
 */
export function SmsSettingsSection() {
  const { t } = useI18n();
  const loaded = useLoad(() => api<SmsSettings>('/tenant/sms'), []);
  const [form, setForm] = useState<SmsForm>();
  const { busy: saving, error, setError, message: saved, setMessage: setSaved, run } = useBusyAction();
  const [current, setCurrent] = useState<SmsSettings>();
  const data = current ?? loaded.data;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form || !data || saving) return;
    await run(async () => {
      const answer = await api<SmsSettings>('/tenant/sms', {
        method: 'PUT',
        body: {
          enabled: form.enabled,
          monthlyParts: Number(form.monthlyParts.trim() || 'NaN'),
          version: data.version,
        },
      });
      setCurrent(answer);
      setForm(undefined);
      setSaved(t('admin.tenant.sms.saved'));
    });
  };

  const errors = fieldErrorsOf(error);
  return (
    <section aria-labelledby="tenant-sms">
      <h2 id="tenant-sms">{t('admin.tenant.sms.title')}</h2>
      <StatusMessage message={saved} />
      {loaded.loading && !data ? <Loading /> : null}
      <ProblemAlert error={loaded.error} />
      {data && !form ? (
        <>
          <dl className="details">
            <dt>{t('admin.tenant.sms.state')}</dt>
            <dd>{data.enabled ? t('admin.tenant.sms.on') : t('admin.tenant.sms.off')}</dd>
            <dt>{t('admin.tenant.sms.monthlyParts')}</dt>
            <dd>{data.monthlyParts}</dd>
            <dt>{t('admin.tenant.sms.used', { month: monthLabel(data.month) })}</dt>
            <dd>{t('admin.tenant.sms.usedValue', { used: data.used, limit: data.monthlyParts })}</dd>
          </dl>
          {data.exceededAt ? (
            <p className="notice" role="note">
              {t('admin.tenant.sms.exceeded')}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => {
              setSaved('');
              setError(null);
              setForm({ enabled: data.enabled, monthlyParts: String(data.monthlyParts) });
            }}
          >
            {t('admin.tenant.sms.edit')}
          </button>
        </>
      ) : null}
      {data && form ? (
        <form className="editor-panel" onSubmit={(e) => void submit(e)} noValidate>
          <CheckboxField
            label={t('admin.tenant.sms.enabled')}
            name="enabled"
            checked={form.enabled}
            onChange={(v) => setForm({ ...form, enabled: v })}
            errors={errors}
          />
          <TextField
            label={t('admin.tenant.sms.monthlyParts')}
            name="monthlyParts"
            type="number"
            min={1}
            value={form.monthlyParts}
            onChange={(v) => setForm({ ...form, monthlyParts: v })}
            hint={t('admin.tenant.sms.monthlyPartsHint')}
            errors={errors}
            required
          />
          <ProblemAlert
            error={error}
            onReload={() => {
              setError(null);
              setCurrent(undefined);
              setForm(undefined);
              loaded.reload();
            }}
          />
          <FormActions
            busy={saving}
            onCancel={() => {
              setError(null);
              setForm(undefined);
            }}
          />
        </form>
      ) : null}
    </section>
  );
}
