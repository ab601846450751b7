'use client';

import { useState } from 'react';
import { EditorPage, editorPageText, formOf, useEditor } from '../../ui/editor';
import {
  CheckboxField,
  CheckboxGroup,
  cleanText,
  emptyText,
  LocalizedFields,
  optionsOf,
  SelectField,
} from '../../ui/fields';
import { DataTable } from '../../ui/data-table';
import { listAll } from '../../lib/api';
import { pickText, useI18n, type LocalizedText } from '../../lib/i18n';
import { departmentOptions } from './options';
import { useLoad } from '../../lib/use-load';
import {
  positionKinds,
  roles,
  type Department,
  type Position,
  type PositionKind,
  type Role,
} from '../../api/contract';

interface PositionForm {
  title: LocalizedText;
  departmentId: string;
  kind: PositionKind;
  roles: string[];
  active: boolean;
}

export function PositionsPage() {
  const { t, locale } = useI18n();
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
      ...formOf(e, {
        departmentId: '',
        kind: 'specialist' as PositionKind,
        roles: ['executor'],
        active: true,
      }),
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
    savedName: (p) => pickText(p.title, locale),
    onSaved: data.reload,
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
    <EditorPage
      editor={editor}
      text={editorPageText(t, 'admin.positions')}
      preset={filter ? { departmentId: filter } : undefined}
      filters={
        <SelectField
          label={t('admin.positions.filterDepartment')}
          name="filterDepartment"
          value={filter}
          onChange={setFilter}
          options={deptOptions}
          emptyLabel={t('common.all')}
        />
      }
      list={{ id: 'positions-table', load: data, empty: shown.length === 0 }}
      fields={
        <>
          <LocalizedFields legend={t('admin.positions.positionTitle')} {...editor.bind('title')} required />
          <SelectField
            label={t('admin.positions.department')}
            {...editor.bind('departmentId')}
            options={deptOptions}
            emptyLabel={t('common.choose')}
            required
          />
          <SelectField
            label={t('admin.positions.kind')}
            {...editor.bind('kind')}
            onChange={(v) => editor.set('kind', v as PositionKind)}
            options={optionsOf(positionKinds, (k) => t(`positionKinds.${k}`))}
            required
          />
          <CheckboxGroup
            legend={t('admin.positions.roles')}
            options={optionsOf(roles, (r) => t(`roles.${r}`))}
            {...editor.bind('roles')}
          />
          <CheckboxField label={t('common.active')} {...editor.check('active')} />
        </>
      }
    >
      <DataTable
        rows={shown}
        columns={[
          { header: t('admin.positions.positionTitle'), cell: (p) => pickText(p.title, locale) },
          { header: t('admin.positions.department'), cell: (p) => deptName(p.departmentId) },
          { header: t('admin.positions.kind'), cell: (p) => t(`positionKinds.${p.kind}`) },
          {
            header: t('admin.positions.roles'),
            cell: (p) => p.roles.map((r: Role) => t(`roles.${r}`)).join(', '),
          },
        ]}
        active={(p) => p.active}
        editName={(p) => pickText(p.title, locale)}
        onEdit={editor.open}
      />
    </EditorPage>
  );
}
