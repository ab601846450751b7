'use client';

import Link from 'next/link';
import { useState } from 'react';
import { EditorPage, editorPageText, formOf, useEditor } from '../../ui/editor';
import { CheckboxField, SelectField, StatusMessage, TextField } from '../../ui/fields';
import { DataTable } from '../../ui/data-table';
import { Pager, useCursorPager } from '../../ui/pager';
import { api, listAll, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import type { Employee, Substitution } from '../../api/contract';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface SubstitutionForm {
  employeeId: string;
  substituteId: string;
  from: string;
  to: string;
  reason: string;
  active: boolean;
}

export function SubstitutionsPage() {
  const { t, locale } = useI18n();
  const pager = useCursorPager();
  // A substitution that follows an absence is changed there (one source of truth).
  const [followsAbsence, setFollowsAbsence] = useState(false);
  const employees = useLoad(() => listAll<Employee>('/employees'), []);
  const list = useLoad(
    () => api<Page<Substitution>>('/substitutions', { query: { limit: 50, cursor: pager.cursor } }),
    [pager.cursor],
  );
  const people = employees.data ?? [];
  const nameOf = (id: string) => people.find((e) => e.id === id)?.fullName ?? '—';

  const editor = useEditor<Substitution, SubstitutionForm>({
    path: '/substitutions',
    toForm: (e) =>
      formOf(e, { employeeId: '', substituteId: '', from: '', to: '', reason: '', active: true }),
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
    savedName: (s) => nameOf(s.employeeId),
    onSaved: list.reload,
  });

  const employeeOptions = people
    .filter((e) => e.active)
    .map((e) => ({ value: e.id, label: `${e.fullName} (${e.username})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const items = list.data?.items ?? [];
  /** The official, or the one who stands in: an active employee. */
  const personSelect = (key: 'employeeId' | 'substituteId', label: string) => (
    <SelectField
      label={label}
      {...editor.bind(key)}
      options={employeeOptions}
      emptyLabel={t('common.choose')}
      required
    />
  );

  return (
    <EditorPage
      editor={editor}
      text={editorPageText(t, 'admin.substitutions')}
      list={{ id: 'subs-table', load: list, otherError: employees.error, empty: items.length === 0 }}
      fields={
        <>
          {personSelect('employeeId', t('admin.substitutions.employee'))}
          {personSelect('substituteId', t('admin.substitutions.substitute'))}
          <div className="field-row">
            <TextField label={t('admin.substitutions.from')} type="date" {...editor.bind('from')} required />
            <TextField
              label={t('admin.substitutions.to')}
              type="date"
              {...editor.bind('to')}
              required
              min={editor.form.from || undefined}
            />
          </div>
          <TextField label={t('admin.substitutions.reason')} {...editor.bind('reason')} />
          <CheckboxField label={t('common.active')} {...editor.check('active')} />
        </>
      }
    >
      <DataTable
        rows={items}
        columns={[
          { header: t('admin.substitutions.employee'), cell: (s) => nameOf(s.employeeId) },
          { header: t('admin.substitutions.substitute'), cell: (s) => nameOf(s.substituteId) },
          {
            header: t('admin.substitutions.period'),
            cell: (s) => `${formatDate(s.from)} – ${formatDate(s.to)}`,
          },
          { header: t('admin.substitutions.reason'), cell: (s) => s.reason || '—' },
          {
            header: t('admin.substitutions.basis'),
            cell: (s) =>
              s.absenceId ? (
                <Link href="/admin/absences/">{t('admin.substitutions.fromAbsence')}</Link>
              ) : (
                t('admin.substitutions.manual')
              ),
          },
        ]}
        active={(s) => s.active}
        editName={(s) => `${nameOf(s.employeeId)} ${formatDate(s.from)}`}
        onEdit={(s) => {
          setFollowsAbsence(Boolean(s.absenceId));
          if (s.absenceId) editor.close();
          else editor.open(s);
        }}
      />
      <StatusMessage message={followsAbsence ? t('admin.substitutions.followsAbsence') : undefined} />
      <Pager label={t('admin.substitutions.pager')} pager={pager} nextCursor={list.data?.nextCursor} />
    </EditorPage>
  );
}
