'use client';

import { useState } from 'react';
import { EditorPanel, useEditor } from '../../../components/editor';
import {
  LocalizedFields,
  ProblemAlert,
  StatusMessage,
  TextField,
  cleanText,
  emptyText,
} from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { api } from '../../../lib/api';
import { pickText, useI18n, type LocalizedText } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { useLoad } from '../../../lib/use-load';
import { useSession } from '../../../lib/session';
import type { Tenant } from '../../../lib/types';

interface TenantForm {
  name: LocalizedText;
  shortName: LocalizedText;
  legalAddress: string;
  voen: string;
  email: string;
  phone: string;
}

export default function TenantPage() {
  const { t, locale } = useI18n();
  const { reload: reloadSession } = useSession();
  const tenant = useLoad(() => api<Tenant>('/tenant'), []);
  const [saved, setSaved] = useState<string>();

  const editor = useEditor<Tenant, TenantForm>({
    path: '/tenant',
    itemPath: () => '/tenant',
    toForm: (e) => ({
      name: { ...emptyText(), ...e?.name },
      shortName: { ...emptyText(), ...e?.shortName },
      legalAddress: e?.legalAddress ?? '',
      voen: e?.voen ?? '',
      email: e?.email ?? '',
      phone: e?.phone ?? '',
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
      setSaved(t('form.savedPlain'));
      tenant.reload();
      reloadSession();
    },
  });

  const data = tenant.data;
  return (
    <>
      <h1>{t('admin.tenant.title')}</h1>
      <StatusMessage message={saved} />
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
            <dt>{t('common.updatedAt')}</dt>
            <dd>{formatDate(data.updatedAt)}</dd>
          </dl>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setSaved(undefined);
              editor.open(data);
            }}
          >
            {t('form.edit')}
          </button>
        </section>
      ) : null}
      <EditorPanel editor={editor} createTitle="" editTitle={t('admin.tenant.editTitle')}>
        <LocalizedFields
          legend={t('admin.tenant.name')}
          name="name"
          value={editor.form.name}
          onChange={(v) => editor.set('name', v)}
          errors={editor.fieldErrors}
          required
        />
        <LocalizedFields
          legend={t('admin.tenant.shortName')}
          name="shortName"
          value={editor.form.shortName}
          onChange={(v) => editor.set('shortName', v)}
          errors={editor.fieldErrors}
        />
        <TextField
          label={t('admin.tenant.voen')}
          name="voen"
          value={editor.form.voen}
          onChange={(v) => editor.set('voen', v)}
          errors={editor.fieldErrors}
          required
          hint={t('admin.tenant.voenHint')}
        />
        <TextField
          label={t('admin.tenant.legalAddress')}
          name="legalAddress"
          value={editor.form.legalAddress}
          onChange={(v) => editor.set('legalAddress', v)}
          errors={editor.fieldErrors}
          required
        />
        <TextField
          label={t('admin.tenant.email')}
          name="email"
          type="email"
          value={editor.form.email}
          onChange={(v) => editor.set('email', v)}
          errors={editor.fieldErrors}
          required
        />
        <TextField
          label={t('admin.tenant.phone')}
          name="phone"
          type="tel"
          value={editor.form.phone}
          onChange={(v) => editor.set('phone', v)}
          errors={editor.fieldErrors}
        />
      </EditorPanel>
    </>
  );
}
