'use client';

import { serverNow } from '../../lib/config';
import { EditorPage, useEditor } from '../../ui/editor';
import {
  CheckboxField,
  LocalizedFields,
  SelectField,
  TextField,
  cleanText,
  emptyText,
} from '../../ui/fields';
import { DataTable } from '../../ui/data-table';
import { Pager, useCursorPager } from '../../ui/pager';
import { api, listAll, type Page } from '../../lib/api';
import { pickText, useI18n, type LocalizedText } from '../../lib/i18n';
import type { ReferenceListName } from '../../ui/shell/nav';
import { departmentOptions } from '../org/options';
import { previewPattern, referenceSpecs, unknownTokens, type ExtraField } from './spec';
import { useSession } from '../../lib/session';
import { buildTree, flattenTree, subtreeIds } from '../../lib/tree';
import { useLoad } from '../../lib/use-load';
import type { Department, ReferenceItem } from '../../api/contract';

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
    savedName: (item) => pickText(item.name, locale),
    onSaved: items.reload,
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
    const field = {
      label: fieldLabel(f),
      name: f.name,
      value,
      onChange: (v: string) => setValue(f.name, v),
      errors: editor.fieldErrors,
    };
    switch (f.kind) {
      case 'text':
        return <TextField key={f.name} {...field} type={f.type} required={f.required} />;
      case 'enum':
        return (
          <SelectField
            key={f.name}
            {...field}
            options={f.values.map((v) => ({ value: v, label: t(`lists.enums.${f.name}.${v}`) }))}
            required={f.required}
          />
        );
      case 'department':
      case 'nomenclature':
        return (
          <SelectField
            key={f.name}
            {...field}
            options={f.kind === 'department' ? deptOptions : nomenclatureOptions}
            emptyLabel={t('common.none')}
          />
        );
      case 'retention':
        return (
          <fieldset key={f.name} className="field-group">
            <legend>{fieldLabel(f)}</legend>
            <CheckboxField label={t('lists.permanent')} {...editor.check('permanent')} />
            {!editor.form.permanent ? (
              <TextField {...field} label={t('lists.retentionYearsInput')} type="number" min={1} required />
            ) : null}
          </fieldset>
        );
      case 'pattern': {
        const dept = departments.find((d) => d.id === editor.form.values.departmentId);
        const nom = nomenclature.find((n) => n.id === editor.form.values.nomenclatureId);
        const preview = previewPattern(value, {
          seq: 7,
          year: serverNow().getFullYear(),
          index: nom ? str(nom.index) : '02-03',
          dept: dept?.code ?? 'DEP',
        });
        return (
          <div key={f.name}>
            <TextField {...field} required hint={t('lists.patternHint')} />
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
    <EditorPage
      editor={editor}
      text={{
        title: listName,
        intro: t(`lists.descriptions.${list}`),
        add: t('lists.add'),
        create: `${listName}: ${t('lists.add')}`,
        edit: `${listName}: ${t('lists.edit')}`,
        list: t('lists.items'),
      }}
      readOnlyNotice={canEdit ? undefined : t('lists.readOnly')}
      list={{ id: 'list-items', load: items, otherError: lookups.error, empty: rows.length === 0 }}
      fields={
        <>
          <LocalizedFields legend={t('lists.fields.name')} {...editor.bind('name')} required />
          <TextField label={t('lists.fields.code')} {...editor.bind('code')} required={spec.codeRequired} />
          {spec.tree ? (
            <SelectField
              label={t('lists.fields.parentId')}
              {...editor.bind('parentId')}
              options={parentOptions}
              emptyLabel={t('lists.topLevel')}
            />
          ) : null}
          {spec.fields.map(renderField)}
          <CheckboxField label={t('common.active')} {...editor.check('active')} />
        </>
      }
    >
      <DataTable
        rows={rows.map((row) => ({ id: row.item.id, ...row }))}
        rowHeaderStyle={({ depth }) =>
          depth ? { paddingInlineStart: `${0.75 + depth * 1.25}rem` } : undefined
        }
        columns={[
          {
            header: t('lists.fields.name'),
            cell: ({ item, depth }) => (
              <>
                {depth ? <span aria-hidden="true">└ </span> : null}
                {label(item)}
              </>
            ),
          },
          { header: t('lists.fields.code'), cell: ({ item }) => item.code || '—' },
          ...columns.map((f) => ({
            header: fieldLabel(f),
            cell: ({ item }: { item: ReferenceItem }) => cell(item, f),
          })),
        ]}
        active={({ item }) => item.active}
        editName={({ item }) => label(item)}
        onEdit={canEdit ? ({ item }) => editor.open(item) : undefined}
      />
      {!spec.tree ? (
        <Pager label={t('lists.pager')} pager={pager} nextCursor={items.data?.nextCursor} />
      ) : null}
    </EditorPage>
  );
}
