/** The public face of the reports module: execution-control reports, journal registers, Excel exports. */
export { reportRoutes } from './api/reports.routes';
export { reportsApi } from './api/reports.api';
export { type ReportDeps } from './ports';
export { reportExportBuildTask } from './tasks/reportExportBuild.task';
export { EXPORT_MACHINE, XLSX_TYPE } from './usecases/export.usecase';
export { controlPage, controlRows, type ControlQuery, type ReportScope } from './usecases/control.usecase';
export { journalPage, journalRows } from './usecases/journal.usecase';
export { streamWorkbook, type ReportColumn, type CellValue } from './usecases/workbook';
export { controlReports, type ControlReport, type ControlRow } from './domain/control';
export { controlCells, controlSheet } from './usecases/sheets';
