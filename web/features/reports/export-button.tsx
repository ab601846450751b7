'use client';

import { useEffect, useRef, useState } from 'react';
import { saveFrom } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { ProblemAlert, StatusMessage } from '../../ui/fields';
import { exportFile, getExport, requestExport, type ExportRequest, type ReportExport } from './api';

const POLL_MS = 1000;
const newKey = () => `report-${crypto.randomUUID()}`;

/**
 * Exports the report on the screen to Excel: the server builds the workbook in the background;
 * the button shows the job's progress bar and starts the download when the workbook is ready.
 */
export function ExportButton({ request }: { request: ExportRequest }) {
  const { t } = useI18n();
  const [job, setJob] = useState<ReportExport | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | undefined>();
  const key = useRef(newKey());

  const running = job && (job.status === 'queued' || job.status === 'building');
  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => {
      getExport(job.id).then(setJob).catch(setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running]);

  useEffect(() => {
    if (job?.status !== 'ready') return;
    let gone = false;
    exportFile(job.id)
      .then((file) => {
        if (gone) return;
        saveFrom(file.url, file.fileName);
        setSaved(t('reports.export.saved', { name: file.fileName }));
      })
      .catch(setError);
    return () => {
      gone = true;
    };
  }, [job?.status, job?.id, t]);

  const start = async () => {
    setError(null);
    setSaved(undefined);
    try {
      setJob(await requestExport(request, key.current));
      key.current = newKey();
    } catch (err) {
      setError(err);
    }
  };

  const done = job?.progress.done ?? 0;
  const total = job?.progress.total ?? 0;
  return (
    <div className="report-export no-print">
      <button type="button" onClick={() => void start()} disabled={!!running}>
        {t('reports.export.button')}
      </button>
      {running ? (
        <progress
          max={Math.max(total, 1)}
          value={done}
          aria-label={t('reports.export.progress')}
          aria-valuetext={t('reports.export.progressText', { done, total })}
        />
      ) : null}
      {job?.status === 'failed' ? <p role="alert">{t('reports.export.failed')}</p> : null}
      <StatusMessage message={saved} />
      <ProblemAlert error={error} />
    </div>
  );
}
