import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { Language } from '../../../platform/kernel/text';
import type { ControlReport } from './control';

/** What an export job exports: a control report or a journal register, with its filters. */
export type ExportSource =
  | {
      report: ControlReport;
      registered?: string;
      kind?: 'incoming' | 'outgoing' | 'internal' | 'order';
      departmentId?: string;
      executorId?: string;
      controllerId?: string;
      classificationId?: string;
    }
  | {
      report: 'journal';
      kind: 'incoming' | 'outgoing' | 'internal' | 'order';
      registered?: string;
      journalId?: string;
    };

export const exportStatuses = ['queued', 'building', 'ready', 'failed'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/**
 * An export job (Hesabatın Excel-ə ixracı): its record carries the progress the page shows; the
 * workbook is streamed to the object store and downloaded through a short-lived link. The
 * requester's need-to-know view is fixed when asked, so the background job shows exactly the rows
 * the requester saw on the screen then.
 */
export interface ReportExport extends AggregateMeta {
  requestedBy: string;
  requestedAt: string;
  viewer: { employeeId: string; seesAll: boolean; actingFor: string[]; headOf: string[] };
  lang: Language;
  source: ExportSource;
  status: ExportStatus;
  progress: { done: number; total: number };
  fileName: string;
  key?: string;
  versionId?: string;
  size?: number;
  startedAt?: string;
  finishedAt?: string;
  failure?: { code: 'build_failed'; detail: string };
}

/** Newest first in the requester's list. */
export const exportSortKey = (e: Pick<ReportExport, 'requestedAt' | 'id'>) =>
  `${String(9e15 - Date.parse(e.requestedAt)).padStart(16, '0')}#${e.id}`;
