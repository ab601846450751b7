'use client';

import { useState } from 'react';
import { EditorPanel, useEditor } from '../../../../components/editor';
import {
  CheckboxField,
  CheckboxGroup,
  LocalizedFields,
  ProblemAlert,
  SelectField,
  StatusMessage,
  cleanText,
  emptyText,
} from '../../../../components/fields';
import { Loading } from '../../../../components/loading';
import { listAll } from '../../../../lib/api';
import { pickText, useI18n, type LocalizedText } from '../../../../lib/i18n';
import { departmentOptions } from '../../../../lib/org';
import { useLoad } from '../../../../lib/use-load';
import {
  positionKinds,
  roles,
  type Department,
  type Position,
  type PositionKind,
  type Role,
} from '../../../../lib/types';

interface PositionForm {
  title: LocalizedText;
  departmentId: string;
  kind: PositionKind;
  roles: string[];
  active: boolean;
}

export default function PositionsPage() {
  const { t, locale } = useI18n();
  const [saved, setSaved] = useState<string>();
  const [filter, setFilter] = useState('');
  const data = useLoad(
    () => Promise.all([listAll<Position>('/positions'), listAll<Department>('/departments')]),
    [],
  );
  const positions = data.data?.[0] ?? [];
  const departments = data.data?.[1] ?? [];
  const deptOptions = departmentOptions(departments, locale);

  const editor = useEditor<Position, PositionForm>({
    path: '/positions',
    toForm: (e, preset) => ({
      title: { ...emptyText(), ...e?.title },
      departmentId: e?.departmentId ?? '',
      kind: e?.kind ?? 'specialist',
      roles: e?.roles ?? ['executor'],
      active: e?.active ?? true,
      ...preset,
    }),
    toBody: (f) => ({
      title: cleanText(f.title),
      departmentId: f.departmentId,
      kind: f.kind,
      roles: roles.filter((r) => f.roles.includes(r)),
      active: f.active,
    }),
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.title.az.trim()) e['title.az'] = t('validation.required');
      if (!f.departmentId) e.departmentId = t('validation.required');
      return e;
    },
    onSaved: (p, created) => {
      setSaved(t(created ? 'form.created' : 'form.saved', { name: pickText(p.title, locale) }));
      data.reload();
    },
  });

  const deptName = (id: string) => {
    const d = departments.find((x) => x.id === id);
    return d ? pickText(d.name, locale) : '—';
  };
  const shown = positions
    .filter((p) => !filter || p.departmentId === filter)
    .sort(
      (a, b) =>
        deptName(a.departmentId).localeCompare(deptName(b.departmentId), locale) ||
        pickText(a.title, locale).localeCompare(pickText(b.title, locale), locale),
    );

  return (
    <>
      <h1>{t('admin.positions.title')}</h1>
      <p className="lead">{t('admin.positions.intro')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setSaved(undefined);
            editor.open(undefined, filter ? { departmentId: filter } : undefined);
          }}
        >
          {t('admin.positions.add')}
        </button>
        <SelectField
          label={t('admin.positions.filterDepartment')}
          name="filterDepartment"
          value={filter}
          onChange={setFilter}
          options={deptOptions}
          emptyLabel={t('common.all')}
        />
      </div>
      <StatusMessage message={saved} />
      <EditorPanel
        editor={editor}
        createTitle={t('admin.positions.add')}
        editTitle={t('admin.positions.edit')}
      >
        <LocalizedFields
          legend={t('admin.positions.positionTitle')}
          name="title"
          value={editor.form.title}
          onChange={(v) => editor.set('title', v)}
          errors={editor.fieldErrors}
          required
        />
        <SelectField
          label={t('admin.positions.department')}
          name="departmentId"
          value={editor.form.departmentId}
          onChange={(v) => editor.set('departmentId', v)}
          options={deptOptions}
          emptyLabel={t('common.choose')}
          errors={editor.fieldErrors}
          required
        />
        <SelectField
          label={t('admin.positions.kind')}
          name="kind"
          value={editor.form.kind}
          onChange={(v) => editor.set('kind', v as PositionKind)}
          options={positionKinds.map((k) => ({ value: k, label: t(`positionKinds.${k}`) }))}
          errors={editor.fieldErrors}
          required
        />
        <CheckboxGroup
          legend={t('admin.positions.roles')}
          name="roles"
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={editor.form.roles}
          onChange={(v) => editor.set('roles', v)}
          errors={editor.fieldErrors}
        />
        <CheckboxField
          label={t('common.active')}
          name="active"
          checked={editor.form.active}
          onChange={(v) => editor.set('active', v)}
        />
      </EditorPanel>
      <section aria-labelledby="positions-table">
        <h2 id="positions-table">{t('admin.positions.list')}</h2>
        {data.loading && !data.data ? <Loading /> : null}
        <ProblemAlert error={data.error} />
        {data.data && shown.length === 0 ? <p>{t('common.empty')}</p> : null}
        {shown.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin.positions.positionTitle')}</th>
                  <th scope="col">{t('admin.positions.department')}</th>
                  <th scope="col">{t('admin.positions.kind')}</th>
                  <th scope="col">{t('admin.positions.roles')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{pickText(p.title, locale)}</th>
                    <td>{deptName(p.departmentId)}</td>
                    <td>{t(`positionKinds.${p.kind}`)}</td>
                    <td>{p.roles.map((r: Role) => t(`roles.${r}`)).join(', ')}</td>
                    <td>{p.active ? t('common.active') : t('common.inactive')}</td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        aria-label={`${t('form.edit')}: ${pickText(p.title, locale)}`}
                        onClick={() => {
                          setSaved(undefined);
                          editor.open(p);
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
      </section>
    </>
  );
}
