'use client';

import { EditorPanel, formOf, useEditor } from '../../ui/editor';
import {
  CheckboxField,
  LocalizedFields,
  ProblemAlert,
  StatusMessage,
  TextField,
  cleanText,
  emptyText,
} from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { api } from '../../lib/api';
import { pickText, useI18n, type LocalizedText } from '../../lib/i18n';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useSession } from '../../lib/session';
import type { Tenant } from '../../api/contract';
import { SmsSettingsSection } from './sms-settings';
import { ExchangeSettingsSection } from '../exchange/settings-section';

interface TenantForm {
  name: LocalizedText;
  shortName: LocalizedText;
  legalAddress: string;
  voen: string;
  email: string;
  phone: string;
  requireMfa: boolean;
}

export function TenantPage() {
  const { t, locale } = useI18n();
  const { reload: reloadSession } = useSession();
  const tenant = useLoad(() => api<Tenant>('/tenant'), []);

  const editor = useEditor<Tenant, TenantForm>({
    path: '/tenant',
    itemPath: () => '/tenant',
    toForm: (e) => ({
      name: { ...emptyText(), ...e?.name },
      shortName: { ...emptyText(), ...e?.shortName },
      ...formOf(e, { legalAddress: '', voen: '', email: '', phone: '' }),
      requireMfa: e?.requireMfa === true,
    }),
    toBody: (f) => {
      const shortName = cleanText(f.shortName);
      return {
        name: cleanText(f.name),
        ...(shortName.az ? { shortName } : {}),
        legalAddress: f.legalAddress.trim(),
        voen: f.voen.trim(),
        email: f.email.trim(),
        ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
        requireMfa: f.requireMfa,
      };
    },
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.name.az.trim()) e['name.az'] = t('validation.required');
      if (!/^\d{10}$/.test(f.voen.trim())) e.voen = t('validation.voen');
      if (!f.email.trim()) e.email = t('validation.required');
      if (!f.legalAddress.trim()) e.legalAddress = t('validation.required');
      return e;
    },
    onSaved: () => {
      tenant.reload();
      reloadSession();
    },
  });

  const data = tenant.data;
  return (
    <>
      <h1>{t('admin.tenant.title')}</h1>
      <StatusMessage message={editor.saved} />
      {tenant.loading && !data ? <Loading /> : null}
      <ProblemAlert error={tenant.error} />
      {data && editor.mode === 'closed' ? (
        <section aria-labelledby="tenant-profile">
          <h2 id="tenant-profile" className="visually-hidden">
            {t('admin.tenant.profile')}
          </h2>
          <dl className="details">
            <dt>{t('admin.tenant.name')}</dt>
            <dd>{pickText(data.name, locale)}</dd>
            <dt>{t('admin.tenant.shortName')}</dt>
            <dd>{pickText(data.shortName, locale) || '—'}</dd>
            <dt>{t('admin.tenant.voen')}</dt>
            <dd>{data.voen}</dd>
            <dt>{t('admin.tenant.legalAddress')}</dt>
            <dd>{data.legalAddress}</dd>
            <dt>{t('admin.tenant.email')}</dt>
            <dd>{data.email}</dd>
            <dt>{t('admin.tenant.phone')}</dt>
            <dd>{data.phone || '—'}</dd>
            <dt>{t('mfa.title')}</dt>
            <dd>{data.requireMfa ? t('mfa.requiredShort') : t('mfa.notRequired')}</dd>
            <dt>{t('common.updatedAt')}</dt>
            <dd>{formatDate(data.updatedAt)}</dd>
          </dl>
          <button type="button" className="primary" onClick={() => editor.open(data)}>
            {t('form.edit')}
          </button>
        </section>
      ) : null}
      <EditorPanel editor={editor} createTitle="" editTitle={t('admin.tenant.editTitle')}>
        <LocalizedFields legend={t('admin.tenant.name')} {...editor.bind('name')} required />
        <LocalizedFields legend={t('admin.tenant.shortName')} {...editor.bind('shortName')} />
        <TextField
          label={t('admin.tenant.voen')}
          {...editor.bind('voen')}
          required
          disabled
          hint={t('admin.tenant.voenFixed')}
        />
        <TextField label={t('admin.tenant.legalAddress')} {...editor.bind('legalAddress')} required />
        <TextField label={t('admin.tenant.email')} type="email" {...editor.bind('email')} required />
        <TextField label={t('admin.tenant.phone')} type="tel" {...editor.bind('phone')} />
        <CheckboxField
          label={t('mfa.requireMfa')}
          {...editor.check('requireMfa')}
          errors={editor.fieldErrors}
        />
        <p className="hint">{t('mfa.requireMfaHint')}</p>
      </EditorPanel>
      <SmsSettingsSection />
      <ExchangeSettingsSection />
    </>
  );
}
