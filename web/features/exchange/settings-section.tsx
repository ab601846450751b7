'use client';

import { useState } from 'react';
import { fieldErrorsOf, FormActions, ProblemAlert, StatusMessage, TextField } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy';
import { useLoad } from '../../lib/use-load';
import { getExchangeSettings, putExchangeSettings, type ExchangeSettings } from './api';
import { parseReceiptDays } from './model';
import './exchange.css';

interface SettingsForm {
  replyTo: string;
  receiptDays: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The agency's exchange settings (admins): the intake address (read-only, copyable), the reply-to
 * address of its outgoing mail, and the receipt period in working days; saved with the version
 * read (a stale one gets the reload hint).
 */
export function ExchangeSettingsSection() {
  const { t } = useI18n();
  const loaded = useLoad(getExchangeSettings, []);
  const [current, setCurrent] = useState<ExchangeSettings>();
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [copied, setCopied] = useState('');
  const { busy, error, setError, message, setMessage, run } = useBusyAction();
  const data = current ?? loaded.data;

  const copy = async (address: string) => {
    setCopied('');
    try {
      await navigator.clipboard.writeText(address);
      setCopied(t('exchange.settings.copied'));
    } catch {
      // No clipboard (an insecure origin): the address stays selectable on the page.
    }
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!form || !data || busy) return;
    const errs: Record<string, string> = {};
    const days = parseReceiptDays(form.receiptDays);
    if (days.error || days.value === undefined) errs.receiptDays = t('exchange.receiptDays.format');
    if (form.replyTo.trim() && !EMAIL.test(form.replyTo.trim())) errs.replyTo = t('validation.email');
    setErrors(errs);
    if (Object.keys(errs).length > 0 || days.value === undefined) return;
    const receiptDays = days.value;
    void run(async () => {
      const answer = await putExchangeSettings({
        version: data.version,
        receiptDays,
        ...(form.replyTo.trim() ? { replyTo: form.replyTo.trim() } : {}),
      });
      setCurrent(answer);
      setForm(undefined);
      setMessage(t('exchange.settings.saved'));
    });
  };

  const shownErrors = { ...fieldErrorsOf(error), ...errors };
  return (
    <section aria-labelledby="tenant-exchange">
      <h2 id="tenant-exchange">{t('exchange.settings.title')}</h2>
      <StatusMessage message={message || copied} />
      {loaded.loading && !data ? <Loading /> : null}
      <ProblemAlert error={loaded.error} />
      {data ? (
        <dl className="details">
          <dt>{t('exchange.settings.intake')}</dt>
          <dd>
            <code className="exchange-intake" data-testid="intake-address">
              {data.intakeAddress}
            </code>{' '}
            <button type="button" className="secondary" onClick={() => void copy(data.intakeAddress)}>
              {t('exchange.settings.copy')}
            </button>
            <p className="hint">{t('exchange.settings.intakeHint')}</p>
          </dd>
          {!form ? (
            <>
              <dt>{t('exchange.settings.replyTo')}</dt>
              <dd>{data.replyTo ?? <span className="muted">{t('exchange.settings.replyToNone')}</span>}</dd>
              <dt>{t('exchange.settings.receiptDays')}</dt>
              <dd>{t('exchange.settings.receiptDaysValue', { days: data.receiptDays })}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {data && !form ? (
        <button
          type="button"
          onClick={() => {
            setMessage('');
            setError(null);
            setErrors({});
            setForm({ replyTo: data.replyTo ?? '', receiptDays: String(data.receiptDays) });
          }}
        >
          {t('exchange.settings.edit')}
        </button>
      ) : null}
      {data && form ? (
        <form className="editor-panel" onSubmit={submit} noValidate>
          <TextField
            label={t('exchange.settings.replyTo')}
            name="replyTo"
            type="email"
            value={form.replyTo}
            onChange={(v) => setForm({ ...form, replyTo: v })}
            hint={t('exchange.settings.replyToHint')}
            errors={shownErrors}
          />
          <TextField
            label={t('exchange.settings.receiptDays')}
            name="receiptDays"
            type="number"
            min={1}
            value={form.receiptDays}
            onChange={(v) => setForm({ ...form, receiptDays: v })}
            hint={t('exchange.settings.receiptDaysHint')}
            errors={shownErrors}
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
            busy={busy}
            onCancel={() => {
              setError(null);
              setErrors({});
              setForm(undefined);
            }}
          />
        </form>
      ) : null}
    </section>
  );
}
