'use client';

import { serverNow } from '../../lib/config';
import { EditorPage, useEditor } from '../../ui/editor';
import {
  CheckboxField,
  CheckboxGroup,
  LocalizedFields,
  SelectField,
  TextField,
  cleanText,
  emptyText,
  type Option,
} from '../../ui/fields';
import { DataTable } from '../../ui/data-table';
import { Pager, useCursorPager } from '../../ui/pager';
import { api, listAll, type Page } from '../../lib/api';
import { pickText, useI18n, type Locale, type LocalizedText } from '../../lib/i18n';
import type { ReferenceListName } from '../../ui/shell/nav';
import { departmentOptions } from '../org/options';
import { previewPattern, referenceSpecs, unknownTokens, type ExtraField } from './spec';
import { useSession } from '../../lib/session';
import { buildTree, flattenTree, subtreeIds } from '../../lib/tree';
import { useLoad } from '../../lib/use-load';
import type { Department, ReferenceItem } from '../../api/contract';
import { OnPlatformBadge } from '../exchange/on-platform';

interface ItemForm {
  name: LocalizedText;
  code: string;
  parentId: string;
  active: boolean;
  /** List-specific fields as typed (strings; converted in toBody). */
  values: Record<string, string>;
  /** Fields that name several items (ids). */
  multi: Record<string, string[]>;
  /** Yes/no fields. */
  flags: Record<string, boolean>;
  permanent: boolean;
}

const INDEX = /^[\p{L}\p{N}._/-]{1,20}$/u;
const CODE = /^[\p{L}\p{N}._/-]{1,40}$/u;
const POSTAL_CODE = /^AZ\d{4}$/;

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Options of another list's items: tree lists in tree order (indented), the others by name. */
function itemOptions(items: ReferenceItem[], locale: Locale, exclude: Set<string> = new Set()): Option[] {
  const label = (item: ReferenceItem) =>
    item.list === 'journals' && item.code
      ? `${item.code} — ${pickText(item.name, locale)}`
      : pickText(item.name, locale);
  const visible = items.filter((i) => !exclude.has(i.id));
  if (items.some((i) => i.parentId)) {
    return flattenTree(buildTree(visible, (a, b) => label(a).localeCompare(label(b), locale))).map(
      ({ item, depth }) => ({ value: item.id, label: `${'— '.repeat(depth)}${label(item)}` }),
    );
  }
  return visible
    .map((i) => ({ value: i.id, label: label(i) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Ids of the items that name `rootId` through `field`, directly or further down. */
function underOf(items: ReferenceItem[], rootId: string, field: string): string[] {
  const below = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      const parent = item[field];
      if (typeof parent === 'string' && (parent === rootId || below.has(parent)) && !below.has(item.id)) {
        below.add(item.id);
        grew = true;
      }
    }
  }
  return [...below];
}

export function ReferenceListEditor({ list }: { list: ReferenceListName }) {
  const { t, locale } = useI18n();
  const { hasRole } = useSession();
  const canEdit = hasRole('admin');
  const spec = referenceSpecs[list];
  const path = `/reference/${list}`;
  const pager = useCursorPager();

  const needsDepartments = spec.fields.some((f) => f.kind === 'department' || f.kind === 'departments');
  const needsNomenclature = spec.fields.some((f) => f.kind === 'nomenclature');
  // Other lists whose items the fields name (a list may name its own items: a parent body).
  const refLists = [
    ...new Set(spec.fields.flatMap((f) => (f.kind === 'ref' && f.list !== list ? [f.list] : []))),
  ];

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
        Promise.all(
          refLists.map(async (name) => [name, await listAll<ReferenceItem>(`/reference/${name}`)] as const),
        ),
        // A list that names its own items needs all of them, not only the page shown.
        spec.fields.some((f) => f.kind === 'ref' && f.list === list)
          ? listAll<ReferenceItem>(path)
          : Promise.resolve([] as ReferenceItem[]),
      ]),
    [list],
  );
  const departments = lookups.data?.[0] ?? [];
  const nomenclature = lookups.data?.[1] ?? [];
  const refItems = new Map<string, ReferenceItem[]>(lookups.data?.[2] ?? []);
  refItems.set(list, lookups.data?.[3] ?? []);
  const refName = (id: string) => {
    for (const items of refItems.values()) {
      const found = items.find((i) => i.id === id);
      if (found) return pickText(found.name, locale);
    }
    return id;
  };
  const all = items.data?.items ?? [];

  const editor = useEditor<ReferenceItem, ItemForm>({
    path,
    toForm: (e, preset) => {
      const values: Record<string, string> = {};
      const multi: Record<string, string[]> = {};
      const flags: Record<string, boolean> = {};
      for (const f of spec.fields) {
        if (f.kind === 'departments' || (f.kind === 'ref' && f.multiple)) multi[f.name] = ids(e?.[f.name]);
        else if (f.kind === 'boolean') flags[f.name] = e?.[f.name] === true;
        else if (f.kind === 'number') values[f.name] = e ? str(e[f.name]) : String(f.initial);
        else if (f.kind === 'enum' && !e && !f.optional) values[f.name] = f.values[0] ?? '';
        else values[f.name] = str(e?.[f.name]);
      }
      if (!e && list === 'nomenclature') values.retentionYears = '5';
      return {
        name: { ...emptyText(), ...e?.name },
        code: e?.code ?? '',
        parentId: str(e?.parentId),
        active: e?.active ?? true,
        values,
        multi,
        flags,
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
        else if (field.kind === 'departments' || (field.kind === 'ref' && field.multiple))
          body[field.name] = f.multi[field.name] ?? [];
        else if (field.kind === 'boolean') body[field.name] = f.flags[field.name] ?? false;
        else if (field.kind === 'number') body[field.name] = Number(raw);
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
        if (field.name === 'postalCode' && raw && !POSTAL_CODE.test(raw))
          e.postalCode = t('lists.postalCodeFormat');
        if (field.kind === 'number') {
          const n = Number(raw);
          if (!raw || !Number.isInteger(n) || n < field.min || n > field.max)
            e[field.name] = t('lists.numberRange', { min: String(field.min), max: String(field.max) });
        }
      }
      if (f.flags.receivesElectronically && !(f.values.email ?? '').trim())
        e.email = t('lists.electronicNeedsEmail');
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
    if (f.kind === 'boolean') return v === true ? t('lists.yes') : t('lists.no');
    if (f.kind === 'departments')
      return (
        ids(v)
          .map((id) => {
            const d = departments.find((x) => x.id === id);
            return d ? pickText(d.name, locale) : id;
          })
          .join(', ') || '—'
      );
    if (f.kind === 'ref') return (f.multiple ? ids(v) : v ? [str(v)] : []).map(refName).join(', ') || '—';
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
    const group = (options: Option[]) => (
      <CheckboxGroup
        key={f.name}
        legend={fieldLabel(f)}
        name={f.name}
        options={options}
        value={editor.form.multi[f.name] ?? []}
        onChange={(v) => editor.set('multi', { ...editor.form.multi, [f.name]: v })}
        errors={editor.fieldErrors}
        emptyText={t('common.empty')}
      />
    );
    switch (f.kind) {
      case 'text':
        return <TextField key={f.name} {...field} type={f.type} required={f.required} />;
      case 'number':
        return <TextField key={f.name} {...field} type="number" min={f.min} required />;
      case 'boolean':
        return (
          <CheckboxField
            key={f.name}
            label={fieldLabel(f)}
            name={f.name}
            checked={editor.form.flags[f.name] ?? false}
            onChange={(v) => editor.set('flags', { ...editor.form.flags, [f.name]: v })}
            errors={editor.fieldErrors}
          />
        );
      case 'enum':
        return (
          <SelectField
            key={f.name}
            {...field}
            options={f.values.map((v) => ({ value: v, label: t(`lists.enums.${f.name}.${v}`) }))}
            required={f.required}
            emptyLabel={f.optional ? t('lists.anyValue') : undefined}
          />
        );
      case 'departments':
        return group(deptOptions);
      case 'ref': {
        // An item cannot be its own parent body, nor one of the bodies under it.
        const exclude =
          f.list === list && editor.entity
            ? new Set([editor.entity.id, ...underOf(refItems.get(list) ?? [], editor.entity.id, f.name)])
            : new Set<string>();
        const options = itemOptions(refItems.get(f.list) ?? [], locale, exclude);
        if (f.multiple) return group(options);
        return (
          <SelectField
            key={f.name}
            {...field}
            options={options}
            required={f.required}
            emptyLabel={f.required ? t('common.choose') : t('common.none')}
          />
        );
      }
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
                {item.onPlatform === true ? <OnPlatformBadge /> : null}
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
