'use client';

import { useEffect, useRef, useState } from 'react';
import { FormActions, ProblemAlert, SelectField, TextAreaField } from '../../../ui/fields';
import { useI18n } from '../../../lib/i18n';
import { ResolutionForm } from '../../execution/resolution-form';
import { useLookups } from '../form/lookups';
import {
  groupArchive,
  groupResolution,
  referenceOptions,
  type GroupResult,
  type ListLookups,
  type Selected,
} from './api';
import { GroupProgress, GroupResults } from './group-results';
import './list.css';

/** Where a group operation is: being filled in, running (done so far), or finished with results. */
type Run = { done: number } | { results: GroupResult[] } | undefined;

/**
 * The modal frame of a group operation on the selected documents: its form until it runs, then
 * the progress ("12 / 40"), then a result per document. The list refreshes behind it when done.
 */
function BulkDialog({
  id,
  title,
  documents,
  run,
  onClose,
  children,
}: {
  id: string;
  title: string;
  documents: Selected[];
  run: Run;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const nameOf = (docId: string) => documents.find((d) => d.id === docId)?.name ?? docId;
  const running = run !== undefined && 'done' in run;
  return (
    <dialog
      ref={ref}
      className="doclist-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        if (!running) onClose();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {/* Kept mounted while it runs: a refusal of the whole request goes back to the filled-in form. */}
      <div hidden={run !== undefined}>{children}</div>
      {running ? <GroupProgress done={run.done} total={documents.length} /> : null}
      {run !== undefined && 'results' in run ? (
        <>
          <GroupProgress done={documents.length} total={documents.length} />
          <GroupResults results={run.results} nameOf={nameOf} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('docList.group.close')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

/** Runs a group operation with progress; its refusal as a whole (a bad form) goes back to the form. */
function useBulkRun(onDone: () => void) {
  const [run, setRun] = useState<Run>();
  const start = async (go: (onProgress: (done: number) => void) => Promise<GroupResult[]>) => {
    setRun({ done: 0 });
    try {
      const results = await go((done) => setRun({ done }));
      setRun({ results });
      onDone();
    } catch (error) {
      setRun(undefined);
      throw error;
    }
  };
  return { run, start };
}

/** Arxivə: file the selected documents into one case file (nomenclature item) and archive them. */
export function ArchiveDialog({
  documents,
  lookups,
  onClose,
  onDone,
}: {
  documents: Selected[];
  lookups: ListLookups;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { run, start } = useBulkRun(onDone);
  const [nomenclatureId, setNomenclatureId] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setErrors(nomenclatureId ? {} : { nomenclatureId: t('validation.required') });
    if (!nomenclatureId) return;
    try {
      await start((onProgress) =>
        groupArchive(
          documents,
          { nomenclatureId, ...(comment.trim() ? { comment: comment.trim() } : {}) },
          onProgress,
        ),
      );
    } catch (err) {
      setError(err);
    }
  };

  return (
    <BulkDialog
      id="bulk-archive"
      title={t('docList.bulk.archiveTitle', { count: documents.length })}
      documents={documents}
      run={run}
      onClose={onClose}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t('docList.bulk.archiveIntro')}</p>
        <ProblemAlert error={error} />
        <SelectField
          label={t('docList.bulk.caseFile')}
          name="nomenclatureId"
          value={nomenclatureId}
          onChange={setNomenclatureId}
          options={referenceOptions(lookups.nomenclature, locale)}
          emptyLabel={t('common.choose')}
          errors={errors}
          required
        />
        <TextAreaField
          label={t('docList.bulk.comment')}
          name="comment"
          value={comment}
          onChange={setComment}
          rows={2}
        />
        <FormActions label={t('docList.bulk.archive')} busy={false}>
          <button type="button" className="secondary" onClick={onClose}>
            {t('docList.group.close')}
          </button>
        </FormActions>
      </form>
    </BulkDialog>
  );
}

/** İcraya göndər: one resolution (text, executors, controller, due date) on every selected document. */
export function ResolutionDialog({
  documents,
  onClose,
  onDone,
}: {
  documents: Selected[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const lookups = useLookups();
  const { run, start } = useBulkRun(onDone);
  return (
    <BulkDialog
      id="bulk-resolution"
      title={t('docList.bulk.resolutionTitle', { count: documents.length })}
      documents={documents}
      run={run}
      onClose={onClose}
    >
      <ResolutionForm
        lookups={lookups.data}
        headingLevel={3}
        onDone={() => {}}
        onCancel={onClose}
        onReload={onClose}
        submitWith={(resolution) => start((onProgress) => groupResolution(documents, resolution, onProgress))}
      />
    </BulkDialog>
  );
}
