'use client';

import type { UploadPhase } from '../api';
import { useI18n } from '../../../lib/i18n';

export interface UploadState {
  fileName: string;
  phase: UploadPhase;
  fraction: number;
}

/** Files being hashed, uploaded and verified, with a progress bar each (form and Contents tab). */
export function UploadProgress({ uploads }: { uploads: UploadState[] }) {
  const { t } = useI18n();
  if (uploads.length === 0) return null;
  return (
    <ul className="plain doc-uploads" aria-label={t('doc.contents.uploads')}>
      {uploads.map((u) => (
        <li key={u.fileName}>
          <span>
            {u.fileName}: {t(`doc.contents.phase.${u.phase}`)}
          </span>{' '}
          <progress value={u.fraction} max={1} aria-label={`${t('doc.contents.progress')}: ${u.fileName}`} />
        </li>
      ))}
    </ul>
  );
}
