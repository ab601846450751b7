'use client';

import { useState } from 'react';
import { EditorPanel, useEditor } from '../../../../components/editor';
import {
  CheckboxField,
  CheckboxGroup,
  ProblemAlert,
  SelectField,
  StatusMessage,
  TextField,
} from '../../../../components/fields';
import { Loading } from '../../../../components/loading';
import { Pager, useCursorPager } from '../../../../components/pager';
import { api, listAll, type Page } from '../../../../lib/api';
import { pickText, useI18n } from '../../../../lib/i18n';
import { positionLabel } from '../../../../lib/org';
import { useLoad } from '../../../../lib/use-load';
import type { Department, Employee, Position } from '../../../../lib/types';

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

export default function EmployeesPage() {
  const { t, locale } = useI18n();
  const [saved, setSaved] = useState<string>();
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
    toForm: (e) => ({
      fullName: e?.fullName ?? '',
      username: e?.username ?? '',
      email: e?.email ?? '',
      phone: e?.phone ?? '',
      positionIds: e?.positionIds ?? [],
      active: e?.active ?? true,
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
    onSaved: (emp, created) => {
      setSaved(t(created ? 'form.created' : 'form.saved', { name: emp.fullName }));
      list.reload();
    },
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
    <>
      <h1>{t('admin.employees.title')}</h1>
      <p className="lead">{t('admin.employees.intro')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setSaved(undefined);
            editor.open();
          }}
        >
          {t('admin.employees.add')}
        </button>
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
      </div>
      <StatusMessage message={saved} />
      <EditorPanel
        editor={editor}
        createTitle={t('admin.employees.add')}
        editTitle={t('admin.employees.edit')}
      >
        <TextField
          label={t('admin.employees.fullName')}
          name="fullName"
          value={editor.form.fullName}
          onChange={(v) => editor.set('fullName', v)}
          errors={editor.fieldErrors}
          required
          autoComplete="off"
        />
        <TextField
          label={t('admin.employees.username')}
          name="username"
          value={editor.form.username}
          onChange={(v) => editor.set('username', v)}
          errors={editor.fieldErrors}
          required
          disabled={editor.mode === 'edit'}
          hint={editor.mode === 'edit' ? t('admin.employees.usernameFixed') : undefined}
        />
        <TextField
          label={t('admin.employees.email')}
          name="email"
          type="email"
          value={editor.form.email}
          onChange={(v) => editor.set('email', v)}
          errors={editor.fieldErrors}
          required
        />
        <TextField
          label={t('admin.employees.phone')}
          name="phone"
          type="tel"
          value={editor.form.phone}
          onChange={(v) => editor.set('phone', v)}
          errors={editor.fieldErrors}
        />
        <CheckboxGroup
          legend={t('admin.employees.positions')}
          name="positionIds"
          options={positionOptions}
          value={editor.form.positionIds}
          onChange={(v) => editor.set('positionIds', v)}
          errors={editor.fieldErrors}
          emptyText={t('admin.employees.noPositions')}
        />
        <CheckboxField
          label={t('common.active')}
          name="active"
          checked={editor.form.active}
          onChange={(v) => editor.set('active', v)}
        />
      </EditorPanel>
      <section aria-labelledby="employees-table">
        <h2 id="employees-table">{t('admin.employees.list')}</h2>
        {list.loading && !list.data ? <Loading /> : null}
        <ProblemAlert error={list.error ?? org.error} />
        {list.data && items.length === 0 ? <p>{t('common.empty')}</p> : null}
        {items.length > 0 ? (
          <div className="table-wrap">
            <table aria-busy={list.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.employees.fullName')}</th>
                  <th scope="col">{t('admin.employees.username')}</th>
                  <th scope="col">{t('admin.employees.email')}</th>
                  <th scope="col">{t('admin.employees.positions')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.fullName}</th>
                    <td>{e.username}</td>
                    <td className="wrap-anywhere">{e.email}</td>
                    <td className="positions-cell">
                      {positionsOf(e).length === 0 ? '—' : null}
                      <ul className="plain">
                        {positionsOf(e).map((p) => (
                          <li key={p.id}>
                            {pickText(p.title, locale)}
                            <span className="muted small"> — {deptName(p.departmentId)}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{e.active ? t('common.active') : t('common.inactive')}</td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        aria-label={`${t('form.edit')}: ${e.fullName}`}
                        onClick={() => {
                          setSaved(undefined);
                          editor.open(e);
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
          label={t('admin.employees.pager')}
          page={pager.page}
          nextCursor={list.data?.nextCursor}
          onNext={pager.next}
          onPrevious={pager.previous}
        />
      </section>
    </>
  );
}
