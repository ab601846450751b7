'use client';

import type { CardTabProps } from './tab';
import { useEffect, useId, useState } from 'react';
import { contentUrl, uploadContent } from '../api';
import type { ContentItem } from '../types';
import { useI18n } from '../../../lib/i18n';
import { ProblemAlert, StatusMessage } from '../../../ui/fields';
import { Table } from '../../../ui/data-table';
import { formatDateTime } from '../../../lib/dates';
import { saveFrom } from '../../../lib/download';
import { formatSize } from '../labels';
import { PdfPreview } from './pdf-preview';
import { UploadProgress, type UploadState } from './upload-progress';
import { SingleFileSection } from '../../signatures/single-file';
import { ArchiveStateSection } from '../../archive/archive-state';

const isImage = (c: ContentItem) => /^image\/(png|jpe?g|gif|webp|bmp|svg\+xml)$/i.test(c.contentType);
const isPdf = (c: ContentItem) =>
  c.contentType.toLowerCase() === 'application/pdf' || /\.pdf$/i.test(c.fileName);
/** Stored and found whole: a file whose integrity check failed is never offered. */
const readable = (c: ContentItem) => c.state === 'stored' && !c.integrity;
const previewable = (c: ContentItem) => readable(c) && (isImage(c) || isPdf(c));

/** Tərkib: the files of the document (scans, attachments), upload with progress, preview. */
export function ContentsTab({ doc, names, onChanged }: CardTabProps) {
  const { t, locale } = useI18n();
  const inputId = useId();
  const canAttach = doc.allowedOperations.includes('attach');
  const stored = doc.contents;
  const [selected, setSelected] = useState<string | undefined>(() => stored.find(previewable)?.id);
  const [preview, setPreview] = useState<{ id: string; url: string } | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const selectedItem = stored.find((c) => c.id === selected && previewable(c));
  const selectedId = selectedItem?.id;
  // A file that becomes previewable (just uploaded) is shown when nothing else is.
  const firstPreviewable = stored.find(previewable)?.id;
  useEffect(() => {
    if (!selectedId && firstPreviewable) setSelected(firstPreviewable);
  }, [selectedId, firstPreviewable]);
  useEffect(() => {
    if (!selectedId) {
      setPreview(undefined);
      return;
    }
    let current = true;
    contentUrl(doc.id, selectedId, true)
      .then((url) => {
        if (current) setPreview({ id: selectedId, url });
      })
      .catch((err: unknown) => {
        if (current) setError(err);
      });
    return () => {
      current = false;
    };
  }, [doc.id, selectedId]);

  const download = async (item: ContentItem) => {
    setError(null);
    try {
      saveFrom(await contentUrl(doc.id, item.id, false), item.fileName);
    } catch (err) {
      setError(err);
    }
  };

  const upload = async (event: React.FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    setDone('');
    setUploads(files.map((f) => ({ fileName: f.name, phase: 'hashing', fraction: 0 })));
    try {
      for (const [i, file] of files.entries()) {
        await uploadContent(doc.id, file, (phase, fraction) =>
          setUploads((u) => u.map((x, j) => (j === i ? { ...x, phase, fraction } : x))),
        );
      }
      setDone(t('doc.contents.uploaded', { count: files.length }));
      setFiles([]);
      onChanged();
    } catch (err) {
      setError(err);
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>{t('doc.tabs.contents')}</h2>
      <ProblemAlert error={error} />
      {stored.length === 0 ? <p>{t('doc.contents.empty')}</p> : null}
      {stored.length > 0 ? (
        <Table
          caption={t('doc.contents.caption')}
          headers={['file', 'size', 'type', 'added'].map((k) => t(`doc.contents.${k}`))}
          actions
        >
          {stored.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="wrap-anywhere">
                {c.fileName}
                {c.state === 'pending' ? <span className="badge">{t('doc.contents.pending')}</span> : null}
                {c.integrity ? (
                  <span className="badge badge-danger" role="status">
                    {t(`doc.contents.${c.integrity.problem}`)}
                  </span>
                ) : null}
              </th>
              <td>{formatSize(c.size, locale)}</td>
              <td className="wrap-anywhere">{c.contentType}</td>
              <td>
                {formatDateTime(c.addedAt)}
                <br />
                <span className="muted small">{names.employee(c.addedBy)}</span>
              </td>
              <td>
                <div className="row-actions">
                  {previewable(c) ? (
                    <button
                      type="button"
                      className="small"
                      aria-pressed={selected === c.id}
                      aria-label={`${t('doc.contents.preview')}: ${c.fileName}`}
                      onClick={() => setSelected(c.id)}
                    >
                      {t('doc.contents.preview')}
                    </button>
                  ) : null}
                  {readable(c) ? (
                    <button
                      type="button"
                      className="small"
                      aria-label={`${t('doc.contents.download')}: ${c.fileName}`}
                      onClick={() => void download(c)}
                    >
                      {t('doc.contents.download')}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      ) : null}

      {selectedItem ? (
        <section className="doc-preview" aria-labelledby="doc-preview-title">
          <h3 id="doc-preview-title">
            {t('doc.contents.previewTitle')}: {selectedItem.fileName}
          </h3>
          {preview?.id === selectedItem.id ? (
            isPdf(selectedItem) ? (
              <PdfPreview url={preview.url} fileName={selectedItem.fileName} />
            ) : (
              <img className="doc-image" src={preview.url} alt={selectedItem.fileName} />
            )
          ) : (
            <p className="loading">{t('common.loading')}</p>
          )}
        </section>
      ) : null}

      {canAttach ? (
        <form className="doc-upload" onSubmit={upload} aria-labelledby={`${inputId}-title`}>
          <h3 id={`${inputId}-title`}>{t('doc.contents.add')}</h3>
          <div className="field">
            <label htmlFor={inputId}>{t('doc.contents.chooseFiles')}</label>
            <input
              id={inputId}
              type="file"
              multiple
              disabled={busy}
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
          </div>
          <UploadProgress uploads={uploads} />
          <StatusMessage message={done} />
          <button type="submit" className="primary" disabled={busy || files.length === 0}>
            {busy ? t('doc.contents.uploading') : t('doc.contents.upload')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('doc.contents.readOnly')}</p>
      )}
      <SingleFileSection documentId={doc.id} version={doc.version} canRebuild={canAttach} />
      <ArchiveStateSection archive={doc.archive} />
    </>
  );
}
