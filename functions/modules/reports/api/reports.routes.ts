import type { RouteDef } from '../../../platform/http/route';
import * as s from './reports.schema';

const V1 = '/api/v1/reports';
const common = { group: 'reports', tag: 'reports', auth: 'jwt' } as const;

/** Reports (Hesabatlar): execution control, registration journals, their Excel exports. */
export const reportRoutes = [
  {
    ...common,
    method: 'GET',
    path: `${V1}/control`,
    operationId: 'controlReport',
    summary:
      'Execution-control report (overdue, executed on time, executed late, not executed) by period, department, executor, controller and classification; the documents the caller may see',
    query: s.controlQuery,
    response: s.controlPage,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/journal`,
    operationId: 'journalReport',
    summary: 'A registration journal as a register for a period (Decree 935 §152), in registration order',
    query: s.journalQuery,
    response: s.journalPage,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/dashboard`,
    operationId: 'reportsDashboard',
    summary:
      'Execution discipline per department and per person (on-time %, overdue now, average delay in working days, trend by month), control items due this week, volumes by kind and delivery form',
    query: s.dashboardQuery,
    response: s.dashboardView,
    successStatus: 200,
  },
  {
    ...common,
    method: 'POST',
    path: `${V1}/exports`,
    operationId: 'requestReportExport',
    summary:
      'Export a report to Excel: a background job streams the workbook to the object store; follow its progress, then download it',
    body: s.exportBody,
    idempotent: true,
    response: s.reportExport,
    successStatus: 201,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/exports`,
    operationId: 'listReportExports',
    summary: 'The caller’s report exports, newest first',
    query: s.exportsQuery,
    response: s.exportsPage,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/exports/{id}`,
    operationId: 'getReportExport',
    summary: 'A report export: its status and progress',
    params: s.exportParam,
    response: s.reportExport,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/exports/{id}/file`,
    operationId: 'getReportExportFile',
    summary: 'A short-lived download link to a ready export (409 until it is ready)',
    params: s.exportParam,
    response: s.exportFile,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
