'use client';

import { useState } from 'react';
import { EditorPanel, useEditor } from '../../../../components/editor';
import {
  CheckboxField,
  ProblemAlert,
  SelectField,
  StatusMessage,
  TextField,
} from '../../../../components/fields';
import { Loading } from '../../../../components/loading';
import { Pager, useCursorPager } from '../../../../components/pager';
import { api, listAll, type Page } from '../../../../lib/api';
import { formatDate } from '../../../../lib/format';
import { useI18n } from '../../../../lib/i18n';
import { useLoad } from '../../../../lib/use-load';
import type { Employee, Substitution } from '../../../../lib/types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface SubstitutionForm {
  employeeId: string;
  substituteId: string;
  from: string;
  to: string;
  reason: string;
  active: boolean;
}

export default function SubstitutionsPage() {
  const { t, locale } = useI18n();
  const [saved, setSaved] = useState<string>();
  const pager = useCursorPager();
  const employees = useLoad(() => listAll<Employee>('/employees'), []);
  const list = useLoad(
    () => api<Page<Substitution>>('/substitutions', { query: { limit: 50, cursor: pager.cursor } }),
    [pager.cursor],
  );
  const people = employees.data ?? [];
  const nameOf = (id: string) => people.find((e) => e.id === id)?.fullName ?? '—';

  const editor = useEditor<Substitution, SubstitutionForm>({
    path: '/substitutions',
    toForm: (e) => ({
      employeeId: e?.employeeId ?? '',
      substituteId: e?.substituteId ?? '',
      from: e?.from ?? '',
      to: e?.to ?? '',
      reason: e?.reason ?? '',
      active: e?.active ?? true,
    }),
    toBody: (f) => ({
      employeeId: f.employeeId,
      substituteId: f.substituteId,
      from: f.from,
      to: f.to,
      ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
      active: f.active,
    }),
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.employeeId) e.employeeId = t('validation.required');
      if (!f.substituteId) e.substituteId = t('validation.required');
      else if (f.substituteId === f.employeeId) e.substituteId = t('validation.substituteSelf');
      if (!DATE.test(f.from)) e.from = t('validation.date');
      if (!DATE.test(f.to)) e.to = t('validation.date');
      else if (DATE.test(f.from) && f.to < f.from) e.to = t('validation.dateRange');
      return e;
    },
    onSaved: (s, created) => {
      setSaved(t(created ? 'form.created' : 'form.saved', { name: nameOf(s.employeeId) }));
      list.reload();
    },
  });

  const employeeOptions = people
    .filter((e) => e.active)
    .map((e) => ({ value: e.id, label: `${e.fullName} (${e.username})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const items = list.data?.items ?? [];

  return (
    <>
      <h1>{t('admin.substitutions.title')}</h1>
      <p className="lead">{t('admin.substitutions.intro')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setSaved(undefined);
            editor.open();
          }}
        >
          {t('admin.substitutions.add')}
        </button>
      </div>
      <StatusMessage message={saved} />
      <EditorPanel
        editor={editor}
        createTitle={t('admin.substitutions.add')}
        editTitle={t('admin.substitutions.edit')}
      >
        <SelectField
          label={t('admin.substitutions.employee')}
          name="employeeId"
          value={editor.form.employeeId}
          onChange={(v) => editor.set('employeeId', v)}
          options={employeeOptions}
          emptyLabel={t('common.choose')}
          errors={editor.fieldErrors}
          required
        />
        <SelectField
          label={t('admin.substitutions.substitute')}
          name="substituteId"
          value={editor.form.substituteId}
          onChange={(v) => editor.set('substituteId', v)}
          options={employeeOptions}
          emptyLabel={t('common.choose')}
          errors={editor.fieldErrors}
          required
        />
        <div className="field-row">
          <TextField
            label={t('admin.substitutions.from')}
            name="from"
            type="date"
            value={editor.form.from}
            onChange={(v) => editor.set('from', v)}
            errors={editor.fieldErrors}
            required
          />
          <TextField
            label={t('admin.substitutions.to')}
            name="to"
            type="date"
            value={editor.form.to}
            onChange={(v) => editor.set('to', v)}
            errors={editor.fieldErrors}
            required
            min={editor.form.from || undefined}
          />
        </div>
        <TextField
          label={t('admin.substitutions.reason')}
          name="reason"
          value={editor.form.reason}
          onChange={(v) => editor.set('reason', v)}
          errors={editor.fieldErrors}
        />
        <CheckboxField
          label={t('common.active')}
          name="active"
          checked={editor.form.active}
          onChange={(v) => editor.set('active', v)}
        />
      </EditorPanel>
      <section aria-labelledby="subs-table">
        <h2 id="subs-table">{t('admin.substitutions.list')}</h2>
        {list.loading && !list.data ? <Loading /> : null}
        <ProblemAlert error={list.error ?? employees.error} />
        {list.data && items.length === 0 ? <p>{t('common.empty')}</p> : null}
        {items.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin.substitutions.employee')}</th>
                  <th scope="col">{t('admin.substitutions.substitute')}</th>
                  <th scope="col">{t('admin.substitutions.period')}</th>
                  <th scope="col">{t('admin.substitutions.reason')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{nameOf(s.employeeId)}</th>
                    <td>{nameOf(s.substituteId)}</td>
                    <td>
                      {formatDate(s.from)} – {formatDate(s.to)}
                    </td>
                    <td>{s.reason || '—'}</td>
                    <td>{s.active ? t('common.active') : t('common.inactive')}</td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        aria-label={`${t('form.edit')}: ${nameOf(s.employeeId)} ${formatDate(s.from)}`}
                        onClick={() => {
                          setSaved(undefined);
                          editor.open(s);
                        }}
                      >
                        {t('form.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <Pager
          label={t('admin.substitutions.pager')}
          page={pager.page}
          nextCursor={list.data?.nextCursor}
          onNext={pager.next}
          onPrevious={pager.previous}
        />
      </section>
    </>
  );
}
