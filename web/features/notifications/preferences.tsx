'use client';

import { useEffect, useState } from 'react';
import {
  CheckboxField,
  fieldErrorsOf,
  FormActions,
  ProblemAlert,
  SelectField,
  StatusMessage,
} from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { getMyNotifications, updateMyNotifications, type MyNotifications } from './api';
import { locales, useI18n, type Locale } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';

/**
 * Bildirişlər: how deadline reminders, overdue notices and new tasks reach me — by e-mail, by SMS
 * (or both), and in which language — and whether I want the morning digest. Every user edits their own; the version guards a second tab.
 */
export function NotificationsPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const loaded = useLoad(getMyNotifications, []);
  const [form, setForm] = useState<MyNotifications>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    if (loaded.data) setForm(loaded.data);
  }, [loaded.data]);

  const email = state.status === 'authenticated' ? state.me.employee.email : '';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form || saving) return;
    setSaving(true);
    setError(null);
    setSaved('');
    try {
      setForm(await updateMyNotifications(form));
      setSaved(t('exec.notifications.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const errors = fieldErrorsOf(error);
  return (
    <>
      <h1>{t('exec.notifications.title')}</h1>
      <p className="lead">{t('exec.notifications.intro')}</p>
      {!form && loaded.loading ? <Loading /> : null}
      <ProblemAlert error={loaded.error} />
      {form ? (
        <form className="editor-panel" onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="field-group">
            <legend>{t('exec.notifications.channels')}</legend>
            <CheckboxField
              label={
                email ? t('exec.notifications.emailTo', { address: email }) : t('exec.notifications.email')
              }
              name="email"
              checked={form.email}
              onChange={(v) => setForm({ ...form, email: v })}
              errors={errors}
            />
            {/* SMS is the agency's choice first: off there, the employee's choice has no effect. */}
            <CheckboxField
              label={t('exec.notifications.sms')}
              name="sms"
              checked={form.sms && form.agencySms}
              disabled={!form.agencySms}
              onChange={(v) => setForm({ ...form, sms: v })}
              errors={errors}
            />
            <p className="hint">
              {form.agencySms ? t('exec.notifications.smsHint') : t('exec.notifications.smsOff')}
            </p>
            {!form.email && !(form.sms && form.agencySms) ? (
              <p className="notice" role="note">
                {t('exec.notifications.none')}
              </p>
            ) : null}
          </fieldset>
          <CheckboxField
            label={t('exec.notifications.digest')}
            name="digest"
            checked={form.digest === true}
            onChange={(v) => setForm({ ...form, digest: v })}
            errors={errors}
          />
          <p className="hint">{t('exec.notifications.digestHint')}</p>
          <SelectField
            label={t('exec.notifications.language')}
            name="language"
            value={form.language}
            onChange={(v) => setForm({ ...form, language: v as Locale })}
            options={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            errors={errors}
          />
          <ProblemAlert
            error={error}
            onReload={() => {
              setError(null);
              loaded.reload();
            }}
          />
          <FormActions busy={saving} />
        </form>
      ) : null}
      <StatusMessage message={saved} />
    </>
  );
}
