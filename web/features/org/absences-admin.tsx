'use client';

import { useState } from 'react';
import { EditorPage, editorPageText, formOf, useEditor } from '../../ui/editor';
import { ProblemAlert, SelectField, StatusMessage, TextField, optionsOf } from '../../ui/fields';
import { DataTable } from '../../ui/data-table';
import { Pager, useCursorPager } from '../../ui/pager';
import { api, listAll, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { absenceKinds, type Absence, type AbsenceKind, type Employee } from '../../api/contract';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface AbsenceForm {
  employeeId: string;
  kind: string;
  from: string;
  to: string;
  substituteId: string;
  note: string;
}

/**
 * Absences (leave, sick leave, business trips) with their substitute: the substitution follows
 * from the absence on the server, in the same transaction, so the period is typed once.
 */
export function AbsencesPage() {
  const { t, locale } = useI18n();
  const pager = useCursorPager();
  const [employeeFilter, setEmployeeFilter] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState<string>();
  const employees = useLoad(() => listAll<Employee>('/employees'), []);
  const list = useLoad(
    () =>
      api<Page<Absence>>('/absences', {
        query: { limit: 50, cursor: pager.cursor, employeeId: employeeFilter || undefined },
      }),
    [pager.cursor, employeeFilter],
  );
  const people = employees.data ?? [];
  const nameOf = (id?: string) => (id ? (people.find((e) => e.id === id)?.fullName ?? '—') : '—');

  const editor = useEditor<Absence, AbsenceForm>({
    path: '/absences',
    toForm: (a) => formOf(a, { employeeId: '', kind: 'leave', from: '', to: '', substituteId: '', note: '' }),
    toBody: (f) => ({
      employeeId: f.employeeId,
      kind: f.kind as AbsenceKind,
      from: f.from,
      to: f.to,
      ...(f.substituteId ? { substituteId: f.substituteId } : {}),
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
    }),
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.employeeId) e.employeeId = t('validation.required');
      if (f.substituteId && f.substituteId === f.employeeId) e.substituteId = t('validation.substituteSelf');
      if (!DATE.test(f.from)) e.from = t('validation.date');
      if (!DATE.test(f.to)) e.to = t('validation.date');
      else if (DATE.test(f.from) && f.to < f.from) e.to = t('validation.dateRange');
      return e;
    },
    savedName: (a) => nameOf(a.employeeId),
    onSaved: () => {
      setCancelled(undefined);
      list.reload();
    },
  });

  const cancel = () => {
    const absence = editor.entity;
    if (!absence) return;
    setCancelling(true);
    setCancelError(null);
    api<Absence>(`/absences/${encodeURIComponent(absence.id)}/cancel`, {
      method: 'POST',
      body: { version: absence.version },
    })
      .then((done) => {
        editor.close();
        setCancelled(t('admin.absences.cancelDone', { name: nameOf(done.employeeId) }));
        list.reload();
      })
      .catch(setCancelError)
      .finally(() => setCancelling(false));
  };

  const employeeOptions = people
    .filter((e) => e.active)
    .map((e) => ({ value: e.id, label: `${e.fullName} (${e.username})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const items = list.data?.items ?? [];
  const editing = editor.mode === 'edit' && editor.entity?.status === 'recorded';

  return (
    <EditorPage
      editor={editor}
      text={editorPageText(t, 'admin.absences')}
      list={{ id: 'absences-table', load: list, otherError: employees.error, empty: items.length === 0 }}
      filters={
        <SelectField
          label={t('admin.absences.filterEmployee')}
          name="employeeFilter"
          value={employeeFilter}
          onChange={(value) => {
            setEmployeeFilter(value);
            pager.reset();
          }}
          options={employeeOptions}
          emptyLabel={t('admin.absences.all')}
        />
      }
      fields={
        <>
          <SelectField
            label={t('admin.absences.employee')}
            {...editor.bind('employeeId')}
            options={employeeOptions}
            emptyLabel={t('common.choose')}
            required
            disabled={editor.mode === 'edit'}
          />
          <SelectField
            label={t('admin.absences.kind')}
            {...editor.bind('kind')}
            options={optionsOf(absenceKinds, (k) => t(`absenceKinds.${k}`))}
            required
          />
          <div className="field-row">
            <TextField label={t('admin.absences.from')} type="date" {...editor.bind('from')} required />
            <TextField
              label={t('admin.absences.to')}
              type="date"
              {...editor.bind('to')}
              required
              min={editor.form.from || undefined}
            />
          </div>
          <SelectField
            label={t('admin.absences.substitute')}
            {...editor.bind('substituteId')}
            options={employeeOptions.filter((o) => o.value !== editor.form.employeeId)}
            emptyLabel={t('admin.absences.noSubstitute')}
          />
          <p className="hint">{t('admin.absences.substituteHint')}</p>
          <TextField label={t('admin.absences.note')} {...editor.bind('note')} />
          {editing ? (
            <div className="field">
              <ProblemAlert error={cancelError} />
              <p className="hint">{t('admin.absences.cancelHint')}</p>
              <button type="button" className="secondary" onClick={cancel} disabled={cancelling}>
                {t('admin.absences.cancel')}
              </button>
            </div>
          ) : null}
        </>
      }
    >
      <StatusMessage message={cancelled} />
      <DataTable
        rows={items}
        columns={[
          { header: t('admin.absences.employee'), cell: (a) => nameOf(a.employeeId) },
          { header: t('admin.absences.kind'), cell: (a) => t(`absenceKinds.${a.kind}`) },
          {
            header: t('admin.absences.period'),
            cell: (a) => `${formatDate(a.from)} – ${formatDate(a.to)}`,
          },
          { header: t('admin.absences.substitute'), cell: (a) => nameOf(a.substituteId) },
          {
            header: t('admin.absences.status'),
            cell: (a) => t(a.status === 'recorded' ? 'admin.absences.recorded' : 'admin.absences.cancelled'),
          },
        ]}
        editName={(a) => `${nameOf(a.employeeId)} ${formatDate(a.from)}`}
        onEdit={(a) => {
          setCancelled(undefined);
          setCancelError(null);
          editor.open(a);
        }}
      />
      <Pager label={t('admin.absences.pager')} pager={pager} nextCursor={list.data?.nextCursor} />
    </EditorPage>
  );
}
