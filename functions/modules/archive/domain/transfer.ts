import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { LocalizedText } from '../../../platform/kernel/text';

/** A transfer package of a permanent case file to the state archive (Decree 935 §153.7). */
export type TransferStatus = 'queued' | 'building' | 'ready' | 'failed';

/** Why a package was not built: a copy that no longer matches its SHA-256 is never transferred. */
export interface TransferFailure {
  code: 'sha256_mismatch' | 'object_missing' | 'not_archived' | 'build_failed';
  detail: string;
  documentId?: string;
  key?: string;
}

export interface ArchiveTransfer extends AggregateMeta {
  nomenclatureId: string;
  caseIndex: string;
  caseName: LocalizedText;
  year: number;
  status: TransferStatus;
  requestedBy: string;
  requestedAt: string;
  /** The bag's name: the tar's top directory and the file's name (`<name>.tar`). */
  name: string;
  /** The archived documents of the case file and year, as they were when the package was asked for. */
  documentIds: string[];
  progress: { done: number; total: number };
  startedAt?: string;
  finishedAt?: string;
  key?: string;
  versionId?: string;
  size?: number;
  /** SHA-256 (hex) of the whole tar file. */
  sha256?: string;
  retainUntil?: string;
  failure?: TransferFailure;
}

/** The list's sort key: newest first in the store's ascending order (then by id). */
export const transferSortKey = (t: Pick<ArchiveTransfer, 'requestedAt' | 'id'>): string =>
  `${String(9_999_999_999_999 - Date.parse(t.requestedAt)).padStart(13, '0')}#${t.id}`;
