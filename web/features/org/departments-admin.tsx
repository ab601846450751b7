'use client';

import { EditorPage, editorPageText, formOf, useEditor } from '../../ui/editor';
import {
  CheckboxField,
  LocalizedFields,
  SelectField,
  TextField,
  cleanText,
  emptyText,
} from '../../ui/fields';
import { listAll } from '../../lib/api';
import { pickText, useI18n, type LocalizedText } from '../../lib/i18n';
import { buildTree, flattenTree, subtreeIds, type TreeNode } from '../../lib/tree';
import { useLoad } from '../../lib/use-load';
import type { Department, Position } from '../../api/contract';

interface DepartmentForm {
  name: LocalizedText;
  code: string;
  parentId: string;
  headPositionId: string;
  active: boolean;
}

export function DepartmentsPage() {
  const { t, locale } = useI18n();
  const data = useLoad(
    () => Promise.all([listAll<Department>('/departments'), listAll<Position>('/positions')]),
    [],
  );
  const departments = data.data?.[0] ?? [];
  const positions = data.data?.[1] ?? [];

  const editor = useEditor<Department, DepartmentForm>({
    path: '/departments',
    toForm: (e, preset) => ({
      name: { ...emptyText(), ...e?.name },
      ...formOf(e, { code: '', parentId: '', headPositionId: '', active: true }),
      ...preset,
    }),
    toBody: (f) => ({
      name: cleanText(f.name),
      code: f.code.trim(),
      ...(f.parentId ? { parentId: f.parentId } : {}),
      ...(f.headPositionId ? { headPositionId: f.headPositionId } : {}),
      active: f.active,
    }),
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.name.az.trim()) e['name.az'] = t('validation.required');
      if (!f.code.trim()) e.code = t('validation.required');
      return e;
    },
    savedName: (d) => pickText(d.name, locale),
    onSaved: data.reload,
  });

  const label = (d: Department) => pickText(d.name, locale);
  const tree = buildTree(departments, (a, b) => label(a).localeCompare(label(b), locale));
  const excluded = editor.entity ? subtreeIds(departments, editor.entity.id) : new Set<string>();
  const parentOptions = flattenTree(tree)
    .filter(({ item }) => !excluded.has(item.id))
    .map(({ item, depth }) => ({
      value: item.id,
      label: `${'— '.repeat(depth)}${label(item)} (${item.code})`,
    }));
  const headOptions = positions
    .filter((p) => editor.entity && p.departmentId === editor.entity.id)
    .map((p) => ({ value: p.id, label: pickText(p.title, locale) }));
  const positionTitle = (id?: string) => {
    const p = id ? positions.find((x) => x.id === id) : undefined;
    return p ? pickText(p.title, locale) : undefined;
  };

  const renderNodes = (nodes: TreeNode<Department>[], level: number) => (
    <ul className={level === 1 ? 'tree' : 'tree-children'}>
      {nodes.map((node) => {
        const d = node.item;
        const head = positionTitle(d.headPositionId);
        return (
          <li key={d.id}>
            <div className="tree-row">
              <span className="tree-label">
                <strong>{label(d)}</strong> <span className="code">{d.code}</span>
                {head ? (
                  <span className="muted">
                    {' '}
                    · {t('admin.departments.head')}: {head}
                  </span>
                ) : null}
                {!d.active ? <span className="badge">{t('common.inactive')}</span> : null}
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  className="small"
                  onClick={() => editor.open(d)}
                  aria-label={`${t('form.edit')}: ${label(d)}`}
                >
                  {t('form.edit')}
                </button>
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => editor.open(undefined, { parentId: d.id })}
                  aria-label={`${t('admin.departments.addChild')}: ${label(d)}`}
                >
                  {t('admin.departments.addChild')}
                </button>
              </span>
            </div>
            {node.children.length > 0 ? renderNodes(node.children, level + 1) : null}
          </li>
        );
      })}
    </ul>
  );

  return (
    <EditorPage
      editor={editor}
      text={editorPageText(t, 'admin.departments')}
      list={{ id: 'dept-tree', load: data, empty: departments.length === 0 }}
      fields={
        <>
          <LocalizedFields legend={t('admin.departments.name')} {...editor.bind('name')} required />
          <TextField
            label={t('admin.departments.code')}
            {...editor.bind('code')}
            required
            hint={t('admin.departments.codeHint')}
          />
          <SelectField
            label={t('admin.departments.parent')}
            {...editor.bind('parentId')}
            options={parentOptions}
            emptyLabel={t('admin.departments.noParent')}
          />
          {editor.mode === 'edit' ? (
            <SelectField
              label={t('admin.departments.headPosition')}
              {...editor.bind('headPositionId')}
              options={headOptions}
              emptyLabel={t('common.none')}
            />
          ) : null}
          <CheckboxField label={t('common.active')} {...editor.check('active')} errors={editor.fieldErrors} />
        </>
      }
    >
      {tree.length > 0 ? renderNodes(tree, 1) : null}
    </EditorPage>
  );
}
