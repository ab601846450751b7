'use client';

import { DataTable } from '../../ui/data-table';
import { treeOptions } from '../documents/form/lookups';
import { EditorPage, editorPageText, useEditor } from '../../ui/editor';
import { CheckboxGroup, TextField } from '../../ui/fields';
import { draftsOf, stagesOf, stagesSummary, toDraft, type StageDraft } from './model';
import { StageEditor } from './stage-editor';
import { listAll } from '../../lib/api';
import { documentKinds } from '../documents/types';
import { pickText, useI18n } from '../../lib/i18n';
import { listApprovalRouteTemplates, loadRoutePeople, type ApprovalRouteTemplate } from './api';
import type { ReferenceItem } from '../../api/contract';
import { useLoad } from '../../lib/use-load';

interface TemplateForm {
  name: string;
  kinds: string[];
  classificationIds: string[];
  stages: StageDraft[];
}

/** Route templates (şablon marşrutlar): the stages a new document's Viza tab proposes, by kind and classification. */
export function ApprovalRouteTemplatesPage() {
  const { t, locale } = useI18n();
  const list = useLoad(listApprovalRouteTemplates, []);
  const people = useLoad(loadRoutePeople, []);
  const classifications = useLoad(() => listAll<ReferenceItem>('/reference/classifications'), []);

  const editor = useEditor<ApprovalRouteTemplate, TemplateForm>({
    path: '/approval-route-templates',
    toForm: (e) => ({
      name: e?.name ?? '',
      kinds: e?.kinds ?? [],
      classificationIds: e?.classificationIds ?? [],
      stages: e ? draftsOf(e.stages) : [toDraft()],
    }),
    toBody: (f) => ({
      name: f.name.trim(),
      kinds: documentKinds.filter((k) => f.kinds.includes(k)),
      classificationIds: f.classificationIds,
      stages: stagesOf(f.stages, t).stages,
    }),
    validate: (f) => {
      const e: Record<string, string> = { ...stagesOf(f.stages, t).errors };
      if (!f.name.trim()) e.name = t('validation.required');
      if (f.kinds.length === 0) e.kinds = t('route.admin.kindRequired');
      return e;
    },
    savedName: (x) => x.name,
    onSaved: list.reload,
  });

  const classificationName = (id: string) => {
    const item = classifications.data?.find((c) => c.id === id);
    return item ? `${item.code ? `${item.code} ` : ''}${pickText(item.name, locale)}` : id;
  };
  const items = [...(list.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));

  return (
    <EditorPage
      editor={editor}
      text={editorPageText(t, 'route.admin')}
      list={{
        id: 'route-templates-table',
        load: list,
        otherError: people.error ?? classifications.error,
        empty: items.length === 0,
      }}
      fields={
        <>
          <TextField label={t('route.admin.name')} {...editor.bind('name')} required />
          <CheckboxGroup
            legend={t('route.admin.kinds')}
            options={documentKinds.map((k) => ({ value: k, label: t(`doc.kinds.${k}`) }))}
            {...editor.bind('kinds')}
          />
          <CheckboxGroup
            legend={t('route.admin.classifications')}
            options={treeOptions(classifications.data ?? [], locale)}
            {...editor.bind('classificationIds')}
          />
          <p className="hint route-hint">{t('route.admin.classificationsHint')}</p>
          <StageEditor
            value={editor.form.stages}
            onChange={(stages) => editor.set('stages', stages)}
            errors={editor.fieldErrors}
            people={people.data}
          />
        </>
      }
    >
      <DataTable
        rows={items}
        columns={[
          { header: t('route.admin.name'), cell: (x) => x.name },
          {
            header: t('route.admin.kinds'),
            cell: (x) => x.kinds.map((k) => t(`doc.kinds.${k}`)).join(', '),
          },
          {
            header: t('route.admin.classifications'),
            cell: (x) =>
              x.classificationIds.length > 0
                ? x.classificationIds.map(classificationName).join(', ')
                : t('route.admin.anyClassification'),
          },
          { header: t('route.stagesHeading'), cell: (x) => stagesSummary(t, x.stages) },
        ]}
        editName={(x) => x.name}
        onEdit={editor.open}
      />
    </EditorPage>
  );
}
