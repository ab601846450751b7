import { api, type Page } from '../../lib/api';
import type { components } from '../../api/schema';

export type ControlRow = components['schemas']['ControlReportRow'];
export type JournalRow = components['schemas']['JournalReportRow'];
export type ReportExport = components['schemas']['ReportExport'];
export type ReportExportFile = components['schemas']['ReportExportFile'];
export type ExportRequest = components['schemas']['ReportExportRequest'];

export const controlReports = ['overdue', 'on-time', 'late', 'not-executed', 'all'] as const;
export type ReportName = (typeof controlReports)[number] | 'journal';

/** The report's filters as the page keeps them (and puts in its address). */
export interface ReportFilters {
  report: ReportName;
  registered: string;
  kind: string;
  departmentId: string;
  executorId: string;
  controllerId: string;
  classificationId: string;
}

const set = (f: ReportFilters, keys: ReadonlyArray<keyof ReportFilters>) =>
  Object.fromEntries(keys.filter((k) => f[k]).map((k) => [k, f[k]]));

export function controlPage(f: ReportFilters, cursor?: string): Promise<Page<ControlRow>> {
  return api<Page<ControlRow>>('/reports/control', {
    query: {
      ...set(f, [
        'report',
        'registered',
        'kind',
        'departmentId',
        'executorId',
        'controllerId',
        'classificationId',
      ]),
      limit: 50,
      cursor,
    },
  });
}

export function journalPage(f: ReportFilters, cursor?: string): Promise<Page<JournalRow>> {
  return api<Page<JournalRow>>('/reports/journal', {
    query: { ...set(f, ['registered']), kind: f.kind || 'incoming', limit: 50, cursor },
  });
}

export function exportRequestOf(f: ReportFilters): ExportRequest {
  if (f.report === 'journal')
    return { report: 'journal', kind: (f.kind || 'incoming') as 'incoming', ...set(f, ['registered']) };
  return {
    report: f.report,
    ...set(f, ['registered', 'kind', 'departmentId', 'executorId', 'controllerId', 'classificationId']),
  } as ExportRequest;
}

export function requestExport(body: ExportRequest, idempotencyKey: string): Promise<ReportExport> {
  return api<ReportExport>('/reports/exports', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function getExport(id: string): Promise<ReportExport> {
  return api<ReportExport>(`/reports/exports/${encodeURIComponent(id)}`);
}

/** A short-lived download link (asked for when the job is ready). */
export function exportFile(id: string): Promise<ReportExportFile> {
  return api<ReportExportFile>(`/reports/exports/${encodeURIComponent(id)}/file`);
}
