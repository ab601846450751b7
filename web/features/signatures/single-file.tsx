'use client';

import { useEffect, useState } from 'react';
import type { SingleFile } from '../../api/contract';
import { useI18n } from '../../lib/i18n';
import { formatDateTime } from '../../lib/dates';
import { saveFrom } from '../../lib/download';
import { ProblemAlert } from '../../ui/fields';
import { getSingleFile, rebuildSingleFile } from './api';
import { SignaturesPanel } from './verification';

/**
 * Vahid elektron fayl: the document's one PDF (requisites and text, PDF attachments, scans, the
 * other files embedded as originals) with its SHA-256 and page count, and a download link.
 * `version` is the document's: when it changes the section reads the file again, and a rebuild
 * asks for that version.
 */
export function SingleFileSection({
  documentId,
  version,
  canRebuild,
}: {
  documentId: string;
  version: number;
  canRebuild: boolean;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<SingleFile | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setError(null);
    getSingleFile(documentId)
      .then((f) => {
        if (current) setFile(f);
      })
      .catch((err: unknown) => {
        if (current) setError(err);
      });
    return () => {
      current = false;
    };
  }, [documentId, version]);

  const rebuild = async () => {
    setBusy(true);
    setError(null);
    try {
      setFile(await rebuildSingleFile(documentId, version));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // A fresh link at each click: the one read with the section expires after minutes.
  const download = async () => {
    setError(null);
    try {
      const fresh = await getSingleFile(documentId);
      setFile(fresh);
      saveFrom(fresh.url);
    } catch (err) {
      setError(err);
    }
  };

  const embedded = file?.parts.filter((p) => p.kind === 'embedded') ?? [];
  return (
    <section className="single-file" aria-labelledby="single-file-title">
      <h3 id="single-file-title">{t('singleFile.title')}</h3>
      <p className="hint">{t('singleFile.hint')}</p>
      <ProblemAlert error={error} />
      {file ? (
        <>
          <dl>
            <dt>{t('singleFile.pages')}</dt>
            <dd>{file.pageCount}</dd>
            <dt>{t('singleFile.sha256')}</dt>
            <dd className="wrap-anywhere">
              <code>{file.sha256}</code>
            </dd>
            {embedded.length > 0 ? (
              <>
                <dt>{t('singleFile.embedded')}</dt>
                <dd className="wrap-anywhere">{embedded.map((p) => p.fileName).join(', ')}</dd>
              </>
            ) : null}
          </dl>
          <p className="muted small">
            {file.frozenAt
              ? t('singleFile.frozen', { date: formatDateTime(file.frozenAt) })
              : t('singleFile.draft')}
          </p>
          <div className="row-actions">
            <button type="button" onClick={() => void download()}>
              {t('singleFile.download')}
            </button>
            {canRebuild && !file.frozenAt ? (
              <button type="button" className="small" disabled={busy} onClick={() => void rebuild()}>
                {t('singleFile.rebuild')}
              </button>
            ) : null}
          </div>
        </>
      ) : error ? null : (
        <p className="loading">{t('singleFile.loading')}</p>
      )}
      <SignaturesPanel documentId={documentId} version={version} />
    </section>
  );
}
