'use client';

import { useState } from 'react';
import { EditorPage, editorPageText, formOf, useEditor } from '../../ui/editor';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../ui/fields';
import { DataTable } from '../../ui/data-table';
import { Pager, useCursorPager } from '../../ui/pager';
import { api, listAll, type Page } from '../../lib/api';
import { pickText, useI18n } from '../../lib/i18n';
import { positionLabel } from './options';
import { useLoad } from '../../lib/use-load';
import type { Department, Employee, Position } from '../../api/contract';

const PAGE_SIZE = 20;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface EmployeeForm {
  fullName: string;
  username: string;
  email: string;
  phone: string;
  positionIds: string[];
  active: boolean;
}

export function EmployeesPage() {
  const { t, locale } = useI18n();
  const [position, setPosition] = useState('');
  const pager = useCursorPager();

  const org = useLoad(
    () => Promise.all([listAll<Department>('/departments'), listAll<Position>('/positions')]),
    [],
  );
  const departments = org.data?.[0] ?? [];
  const positions = org.data?.[1] ?? [];
  const list = useLoad(
    () =>
      api<Page<Employee>>('/employees', {
        query: { limit: PAGE_SIZE, cursor: pager.cursor, positionId: position || undefined },
      }),
    [pager.cursor, position],
  );

  const editor = useEditor<Employee, EmployeeForm>({
    path: '/employees',
    toForm: (e) =>
      formOf(e, {
        fullName: '',
        username: '',
        email: '',
        phone: '',
        positionIds: [] as string[],
        active: true,
      }),
    toBody: (f) => ({
      fullName: f.fullName.trim(),
      username: f.username.trim(),
      email: f.email.trim(),
      ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
      positionIds: f.positionIds,
      active: f.active,
    }),
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.fullName.trim()) e.fullName = t('validation.required');
      if (!f.username.trim()) e.username = t('validation.required');
      if (!EMAIL.test(f.email.trim())) e.email = t('validation.email');
      return e;
    },
    savedName: (emp) => emp.fullName,
    onSaved: list.reload,
  });

  const positionOptions = positions
    .filter((p) => p.active || editor.form.positionIds.includes(p.id))
    .map((p) => ({ value: p.id, label: positionLabel(p, departments, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const allPositionOptions = positions
    .map((p) => ({ value: p.id, label: positionLabel(p, departments, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const positionsOf = (e: Employee) =>
    e.positionIds.map((id) => positions.find((p) => p.id === id)).filter((p): p is Position => Boolean(p));
  const deptName = (id: string) => {
    const d = departments.find((x) => x.id === id);
    return d ? pickText(d.name, locale) : '';
  };

  const items = list.data?.items ?? [];
  return (
    <EditorPage
      editor={editor}
      text={editorPageText(t, 'admin.employees')}
      filters={
        <SelectField
          label={t('admin.employees.filterPosition')}
          name="filterPosition"
          value={position}
          onChange={(v) => {
            setPosition(v);
            pager.reset();
          }}
          options={allPositionOptions}
          emptyLabel={t('common.all')}
        />
      }
      list={{ id: 'employees-table', load: list, otherError: org.error, empty: items.length === 0 }}
      fields={
        <>
          <TextField
            label={t('admin.employees.fullName')}
            {...editor.bind('fullName')}
            required
            autoComplete="off"
          />
          <TextField
            label={t('admin.employees.username')}
            {...editor.bind('username')}
            required
            disabled={editor.mode === 'edit'}
            hint={editor.mode === 'edit' ? t('admin.employees.usernameFixed') : undefined}
          />
          <TextField
            label={t('admin.employees.email')}
            type="email"
            {...editor.bind('email')}
            required
            hint={editor.mode === 'edit' ? undefined : t('admin.employees.emailInvite')}
          />
          <TextField label={t('admin.employees.phone')} type="tel" {...editor.bind('phone')} />
          <CheckboxGroup
            legend={t('admin.employees.positions')}
            options={positionOptions}
            {...editor.bind('positionIds')}
            emptyText={t('admin.employees.noPositions')}
          />
          <CheckboxField label={t('common.active')} {...editor.check('active')} />
        </>
      }
    >
      <DataTable
        rows={items}
        busy={list.loading}
        columns={[
          { header: t('admin.employees.fullName'), cell: (e) => e.fullName },
          { header: t('admin.employees.username'), cell: (e) => e.username },
          { header: t('admin.employees.email'), cell: (e) => e.email, className: 'wrap-anywhere' },
          {
            header: t('admin.employees.positions'),
            className: 'positions-cell',
            cell: (e) => (
              <>
                {positionsOf(e).length === 0 ? '—' : null}
                <ul className="plain">
                  {positionsOf(e).map((p) => (
                    <li key={p.id}>
                      {pickText(p.title, locale)}
                      <span className="muted small"> — {deptName(p.departmentId)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ),
          },
        ]}
        active={(e) => e.active}
        editName={(e) => e.fullName}
        onEdit={editor.open}
      />
      <Pager label={t('admin.employees.pager')} pager={pager} nextCursor={list.data?.nextCursor} />
    </EditorPage>
  );
}
