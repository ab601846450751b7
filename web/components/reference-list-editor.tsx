'use client';

import { useState } from 'react';
import { EditorPanel, useEditor } from './editor';
import {
  CheckboxField,
  LocalizedFields,
  ProblemAlert,
  SelectField,
  StatusMessage,
  TextField,
  cleanText,
  emptyText,
} from './fields';
import { Loading } from './loading';
import { Pager, useCursorPager } from './pager';
import { api, listAll, type Page } from '../lib/api';
import { pickText, useI18n, type LocalizedText } from '../lib/i18n';
import type { ReferenceListName } from '../lib/nav';
import { departmentOptions } from '../lib/org';
import { previewPattern, referenceSpecs, unknownTokens, type ExtraField } from '../lib/reference';
import { useSession } from '../lib/session';
import { buildTree, flattenTree, subtreeIds } from '../lib/tree';
import { useLoad } from '../lib/use-load';
import type { Department, ReferenceItem } from '../lib/types';

interface ItemForm {
  name: LocalizedText;
  code: string;
  parentId: string;
  active: boolean;
  /** List-specific fields as typed (strings; converted in toBody). */
  values: Record<string, string>;
  permanent: boolean;
}

const INDEX = /^[\p{L}\p{N}._/-]{1,20}$/u;
const CODE = /^[\p{L}\p{N}._/-]{1,40}$/u;

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export function ReferenceListEditor({ list }: { list: ReferenceListName }) {
  const { t, locale } = useI18n();
  const { hasRole } = useSession();
  const canEdit = hasRole('admin');
  const spec = referenceSpecs[list];
  const path = `/reference/${list}`;
  const [saved, setSaved] = useState<string>();
  const pager = useCursorPager();

  const needsDepartments = spec.fields.some((f) => f.kind === 'department');
  const needsNomenclature = spec.fields.some((f) => f.kind === 'nomenclature');

  // Tree lists (classifications, regions) are small enough to load whole and show as a tree;
  // flat lists page through the API.
  const items = useLoad(
    async (): Promise<Page<ReferenceItem>> =>
      spec.tree
        ? { items: await listAll<ReferenceItem>(path) }
        : api<Page<ReferenceItem>>(path, { query: { limit: 50, cursor: pager.cursor } }),
    [list, pager.cursor],
  );
  const lookups = useLoad(
    () =>
      Promise.all([
        needsDepartments ? listAll<Department>('/departments') : Promise.resolve([] as Department[]),
        needsNomenclature
          ? listAll<ReferenceItem>('/reference/nomenclature')
          : Promise.resolve([] as ReferenceItem[]),
      ]),
    [list],
  );
  const departments = lookups.data?.[0] ?? [];
  const nomenclature = lookups.data?.[1] ?? [];
  const all = items.data?.items ?? [];

  const editor = useEditor<ReferenceItem, ItemForm>({
    path,
    toForm: (e, preset) => {
      const values: Record<string, string> = {};
      for (const f of spec.fields) {
        values[f.name] = f.kind === 'enum' && !e ? (f.values[0] ?? '') : str(e?.[f.name]);
      }
      if (!e && list === 'nomenclature') values.retentionYears = '5';
      return {
        name: { ...emptyText(), ...e?.name },
        code: e?.code ?? '',
        parentId: str(e?.parentId),
        active: e?.active ?? true,
        values,
        permanent: list === 'nomenclature' && e !== undefined && e.retentionYears === null,
        ...preset,
      };
    },
    toBody: (f) => {
      const body: Record<string, unknown> = { name: cleanText(f.name), active: f.active };
      if (f.code.trim()) body.code = f.code.trim();
      if (spec.tree && f.parentId) body.parentId = f.parentId;
      for (const field of spec.fields) {
        const raw = (f.values[field.name] ?? '').trim();
        if (field.kind === 'retention') body.retentionYears = f.permanent ? null : Number(raw);
        else if (raw) body[field.name] = raw;
      }
      return body;
    },
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.name.az.trim()) e['name.az'] = t('validation.required');
      if (spec.codeRequired && !f.code.trim()) e.code = t('validation.required');
      else if (f.code.trim() && !CODE.test(f.code.trim())) e.code = t('validation.code');
      for (const field of spec.fields) {
        const raw = (f.values[field.name] ?? '').trim();
        if ('required' in field && field.required && !raw) e[field.name] = t('validation.required');
        if (field.name === 'index' && raw && !INDEX.test(raw)) e.index = t('validation.code');
        if (field.kind === 'retention' && !f.permanent) {
          const n = Number(raw);
          if (!Number.isInteger(n) || n < 1 || n > 100) e.retentionYears = t('validation.retention');
        }
        if (field.kind === 'pattern') {
          const seq = (raw.match(/\{seq(:\d{1,2})?\}/g) ?? []).length;
          if (!raw) e.pattern = t('validation.required');
          else if (unknownTokens(raw).length > 0 || seq !== 1 || /[{}]/.test(raw.replace(/\{[^}]*\}/g, '')))
            e.pattern = t('validation.pattern');
        }
        if (field.name === 'voen' && raw && !/^\d{10}$/.test(raw)) e.voen = t('validation.voen');
        if (field.name === 'email' && raw && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw))
          e.email = t('validation.email');
      }
      return e;
    },
    onSaved: (item, created) => {
      setSaved(t(created ? 'form.created' : 'form.saved', { name: pickText(item.name, locale) }));
      items.reload();
    },
  });

  const label = (item: ReferenceItem) => pickText(item.name, locale);
  const rows = spec.tree
    ? flattenTree(buildTree(all, (a, b) => label(a).localeCompare(label(b), locale)))
    : all.map((item) => ({ item, depth: 0 }));
  const excluded = editor.entity ? subtreeIds(all, editor.entity.id) : new Set<string>();
  const parentOptions = rows
    .filter(({ item }) => !excluded.has(item.id))
    .map(({ item, depth }) => ({ value: item.id, label: `${'— '.repeat(depth)}${label(item)}` }));
  const deptOptions = departmentOptions(departments, locale);
  const nomenclatureOptions = nomenclature.map((n) => ({
    value: n.id,
    label: `${str(n.index)} ${label(n)}`,
  }));
  const columns = spec.fields.filter((f) => f.column);

  const setValue = (name: string, value: string) =>
    editor.set('values', { ...editor.form.values, [name]: value });
  const fieldLabel = (f: ExtraField) => t(`lists.fields.${f.name}`);

  const cell = (item: ReferenceItem, f: ExtraField): string => {
    const v = item[f.name];
    if (f.kind === 'retention') return v === null ? t('lists.permanent') : t('lists.years', { n: str(v) });
    if (f.kind === 'enum') return v ? t(`lists.enums.${f.name}.${str(v)}`) : '—';
    if (f.kind === 'department') {
      const d = departments.find((x) => x.id === v);
      return d ? pickText(d.name, locale) : '—';
    }
    if (f.kind === 'nomenclature') {
      const n = nomenclature.find((x) => x.id === v);
      return n ? str(n.index) : '—';
    }
    return str(v) || '—';
  };

  const renderField = (f: ExtraField) => {
    const value = editor.form.values[f.name] ?? '';
    switch (f.kind) {
      case 'text':
        return (
          <TextField
            key={f.name}
            label={fieldLabel(f)}
            name={f.name}
            type={f.type}
            value={value}
            onChange={(v) => setValue(f.name, v)}
            errors={editor.fieldErrors}
            required={f.required}
          />
        );
      case 'enum':
        return (
          <SelectField
            key={f.name}
            label={fieldLabel(f)}
            name={f.name}
            value={value}
            onChange={(v) => setValue(f.name, v)}
            options={f.values.map((v) => ({ value: v, label: t(`lists.enums.${f.name}.${v}`) }))}
            errors={editor.fieldErrors}
            required={f.required}
          />
        );
      case 'department':
        return (
          <SelectField
            key={f.name}
            label={fieldLabel(f)}
            name={f.name}
            value={value}
            onChange={(v) => setValue(f.name, v)}
            options={deptOptions}
            emptyLabel={t('common.none')}
            errors={editor.fieldErrors}
          />
        );
      case 'nomenclature':
        return (
          <SelectField
            key={f.name}
            label={fieldLabel(f)}
            name={f.name}
            value={value}
            onChange={(v) => setValue(f.name, v)}
            options={nomenclatureOptions}
            emptyLabel={t('common.none')}
            errors={editor.fieldErrors}
          />
        );
      case 'retention':
        return (
          <fieldset key={f.name} className="field-group">
            <legend>{fieldLabel(f)}</legend>
            <CheckboxField
              label={t('lists.permanent')}
              name="permanent"
              checked={editor.form.permanent}
              onChange={(v) => editor.set('permanent', v)}
            />
            {!editor.form.permanent ? (
              <TextField
                label={t('lists.retentionYearsInput')}
                name={f.name}
                type="number"
                min={1}
                value={value}
                onChange={(v) => setValue(f.name, v)}
                errors={editor.fieldErrors}
                required
              />
            ) : null}
          </fieldset>
        );
      case 'pattern': {
        const dept = departments.find((d) => d.id === editor.form.values.departmentId);
        const nom = nomenclature.find((n) => n.id === editor.form.values.nomenclatureId);
        const preview = previewPattern(value, {
          seq: 7,
          year: new Date().getFullYear(),
          index: nom ? str(nom.index) : '02-03',
          dept: dept?.code ?? 'DEP',
        });
        return (
          <div key={f.name}>
            <TextField
              label={fieldLabel(f)}
              name={f.name}
              value={value}
              onChange={(v) => setValue(f.name, v)}
              errors={editor.fieldErrors}
              required
              hint={t('lists.patternHint')}
            />
            {value ? (
              <p className="hint pattern-preview" aria-live="polite">
                {t('lists.patternPreview')}: <output>{preview}</output>
              </p>
            ) : null}
          </div>
        );
      }
    }
  };

  const listName = t(`lists.names.${list}`);
  return (
    <>
      <h1>{listName}</h1>
      <p className="lead">{t(`lists.descriptions.${list}`)}</p>
      {canEdit ? (
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setSaved(undefined);
              editor.open();
            }}
          >
            {t('lists.add')}
          </button>
        </div>
      ) : (
        <p className="notice">{t('lists.readOnly')}</p>
      )}
      <StatusMessage message={saved} />
      <EditorPanel
        editor={editor}
        createTitle={`${listName}: ${t('lists.add')}`}
        editTitle={`${listName}: ${t('lists.edit')}`}
      >
        <LocalizedFields
          legend={t('lists.fields.name')}
          name="name"
          value={editor.form.name}
          onChange={(v) => editor.set('name', v)}
          errors={editor.fieldErrors}
          required
        />
        <TextField
          label={t('lists.fields.code')}
          name="code"
          value={editor.form.code}
          onChange={(v) => editor.set('code', v)}
          errors={editor.fieldErrors}
          required={spec.codeRequired}
        />
        {spec.tree ? (
          <SelectField
            label={t('lists.fields.parentId')}
            name="parentId"
            value={editor.form.parentId}
            onChange={(v) => editor.set('parentId', v)}
            options={parentOptions}
            emptyLabel={t('lists.topLevel')}
            errors={editor.fieldErrors}
          />
        ) : null}
        {spec.fields.map(renderField)}
        <CheckboxField
          label={t('common.active')}
          name="active"
          checked={editor.form.active}
          onChange={(v) => editor.set('active', v)}
        />
      </EditorPanel>
      <section aria-labelledby="list-items">
        <h2 id="list-items">{t('lists.items')}</h2>
        {items.loading && !items.data ? <Loading /> : null}
        <ProblemAlert error={items.error ?? lookups.error} />
        {items.data && rows.length === 0 ? <p>{t('common.empty')}</p> : null}
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('lists.fields.name')}</th>
                  <th scope="col">{t('lists.fields.code')}</th>
                  {columns.map((f) => (
                    <th scope="col" key={f.name}>
                      {fieldLabel(f)}
                    </th>
                  ))}
                  <th scope="col">{t('common.status')}</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ item, depth }) => (
                  <tr key={item.id}>
                    <th
                      scope="row"
                      style={depth ? { paddingInlineStart: `${0.75 + depth * 1.25}rem` } : undefined}
                    >
                      {depth ? <span aria-hidden="true">└ </span> : null}
                      {label(item)}
                    </th>
                    <td>{item.code || '—'}</td>
                    {columns.map((f) => (
                      <td key={f.name}>{cell(item, f)}</td>
                    ))}
                    <td>{item.active ? t('common.active') : t('common.inactive')}</td>
                    {canEdit ? (
                      <td>
                        <button
                          type="button"
                          className="small"
                          aria-label={`${t('form.edit')}: ${label(item)}`}
                          onClick={() => {
                            setSaved(undefined);
                            editor.open(item);
                          }}
                        >
                          {t('form.edit')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {!spec.tree ? (
          <Pager
            label={t('lists.pager')}
            page={pager.page}
            nextCursor={items.data?.nextCursor}
            onNext={pager.next}
            onPrevious={pager.previous}
          />
        ) : null}
      </section>
    </>
  );
}
