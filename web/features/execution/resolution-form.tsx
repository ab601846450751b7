'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentLookups } from '../documents/api';
import { writeResolution, type Assignment, type ResolutionInput } from './api';
import { useI18n } from '../../lib/i18n';
import {
  CheckboxGroup,
  fieldErrorsOf,
  FormActions,
  ProblemAlert,
  SelectField,
  TextAreaField,
} from '../../ui/fields';
import { DateField } from '../documents/form/controls';
import { parseDisplayDate, toDisplayDate } from '../../lib/dates';
import { employeeOptions } from '../documents/form/lookups';

type Errors = Record<string, string>;

/**
 * The API names executors by position in the list it was sent (executors.0 is the responsible
 * one here, the co-executors follow): its field errors go back to the control that chose them.
 */
function formErrors(error: unknown): Errors {
  const api = fieldErrorsOf(error);
  const out: Errors = {};
  for (const [path, message] of Object.entries(api)) {
    if (!message) continue;
    const executor = /^executors\.(\d+)\./.exec(path);
    if (path === 'executors' || (executor && executor[1] === '0')) out.responsible ??= message;
    else if (executor) out.coExecutors ??= message;
    else if (path.startsWith('forInformation')) out.forInformation ??= message;
    else if (['text', 'controllerId', 'dueDate'].includes(path)) out[path] ??= message;
  }
  return out;
}

/**
 * A resolution (dərkənar): its text, one responsible executor, co-executors, for-information
 * recipients, a controller and a due date. Under `parent` (the caller's own execution assignment)
 * it is a sub-resolution whose due date may not be later than the parent's.
 */
export function ResolutionForm({
  documentId,
  version,
  lookups,
  parent,
  headingLevel = 3,
  onDone,
  onCancel,
  onReload,
  submitWith,
}: {
  documentId?: string;
  /** The document version the tree was read at. */
  version?: number;
  /**
   * Writes the resolution elsewhere (one resolution for a selection of documents) instead of on
   * `documentId`; the caller shows what came of it.
   */
  submitWith?: (resolution: Omit<ResolutionInput, 'version' | 'parentId'>) => Promise<void>;
  lookups: DocumentLookups | undefined;
  parent?: Assignment;
  headingLevel?: 3 | 4 | 5 | 6;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t, locale } = useI18n();
  const formId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [text, setText] = useState('');
  const [responsible, setResponsible] = useState('');
  const [coExecutors, setCoExecutors] = useState<string[]>([]);
  const [forInformation, setForInformation] = useState<string[]>([]);
  const [controllerId, setControllerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  const people = employeeOptions(lookups, locale);
  const others = (...exclude: string[]) => people.filter((p) => !exclude.includes(p.value));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setError(null);
    const errs: Errors = {};
    if (!text.trim()) errs.text = t('validation.required');
    if (!responsible) errs.responsible = t('exec.resolution.responsibleRequired');
    const due = parseDisplayDate(dueDate);
    if (due === undefined) errs.dueDate = t('doc.form.invalidDate');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const resolution = {
      text: text.trim(),
      executors: [
        { employeeId: responsible, responsible: true },
        ...coExecutors.filter((id) => id !== responsible).map((employeeId) => ({ employeeId })),
      ],
      ...(forInformation.length ? { forInformation } : {}),
      ...(controllerId ? { controllerId } : {}),
      ...(due ? { dueDate: due } : {}),
    };
    setSaving(true);
    try {
      if (submitWith) await submitWith(resolution);
      else {
        await writeResolution(documentId ?? '', {
          ...resolution,
          version: version ?? 0,
          ...(parent ? { parentId: parent.id } : {}),
        });
        onDone(parent ? t('exec.done.subResolution') : t('exec.done.resolution'));
      }
    } catch (err) {
      setError(err);
      setErrors(formErrors(err));
    } finally {
      setSaving(false);
    }
  };

  const Heading = `h${headingLevel}` as 'h3';
  const title = parent ? t('exec.resolution.subTitle') : t('exec.resolution.title');
  return (
    <section className="editor-panel exec-form" aria-labelledby={`${formId}-title`}>
      <Heading id={`${formId}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      <p className="hint form-intro">{t('exec.resolution.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          label={t('exec.resolution.text')}
          name="text"
          value={text}
          onChange={setText}
          errors={errors}
          required
          rows={3}
        />
        <SelectField
          label={t('exec.resolution.responsible')}
          name="responsible"
          value={responsible}
          onChange={(v) => {
            setResponsible(v);
            setCoExecutors((c) => c.filter((id) => id !== v));
          }}
          options={people}
          emptyLabel={t('common.choose')}
          errors={errors}
          required
        />
        <CheckboxGroup
          legend={t('exec.resolution.coExecutors')}
          name="coExecutors"
          options={others(responsible)}
          value={coExecutors}
          onChange={setCoExecutors}
          errors={errors}
        />
        <CheckboxGroup
          legend={t('exec.resolution.forInformation')}
          name="forInformation"
          options={others(responsible, ...coExecutors)}
          value={forInformation.filter((id) => id !== responsible && !coExecutors.includes(id))}
          onChange={setForInformation}
          errors={errors}
        />
        <div className="field-row">
          <SelectField
            label={t('exec.resolution.controller')}
            name="controllerId"
            value={controllerId}
            onChange={setControllerId}
            options={people}
            emptyLabel={parent ? t('exec.resolution.controllerParent') : t('exec.resolution.noController')}
            errors={errors}
          />
          <DateField
            label={t('exec.resolution.dueDate')}
            name="dueDate"
            value={dueDate}
            onChange={setDueDate}
            errors={errors}
          />
        </div>
        <p className="hint">
          {parent?.dueDate
            ? t('exec.resolution.parentDue', { date: toDisplayDate(parent.dueDate) })
            : t('exec.resolution.controlHint')}
        </p>
        <ProblemAlert error={error} onReload={onReload} />
        <FormActions busy={saving} label={t('exec.resolution.submit')} onCancel={onCancel} />
      </form>
    </section>
  );
}
