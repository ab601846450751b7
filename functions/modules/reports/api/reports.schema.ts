import * as z from 'zod';
import { id, idParam, listQuery, meta, pageOf } from '../../../platform/http/common.schema';
import { documentKinds } from '../../documents';
import { controlReports } from '../domain/control';
import { exportStatuses } from '../domain/export';

const period = z.string().trim().max(40).optional();
const limit = z.coerce.number().int().min(1).max(100).default(50);
const cursor = z.string().max(4096).optional();

const controlFilters = {
  /** The registration period in the filter row's syntax: dd.MM.yyyy, MM.yyyy, yyyy, or a range A-B. */
  registered: period,
  kind: z.enum(documentKinds).optional(),
  departmentId: id.optional(),
  executorId: id.optional(),
  controllerId: id.optional(),
  classificationId: id.optional(),
};

export const controlQuery = z
  .object({ report: z.enum(controlReports).default('overdue'), ...controlFilters, limit, cursor })
  .strict();

const date = z.iso.date();

export const controlRow = z
  .object({
    documentId: id,
    resolutionId: id,
    kind: z.enum(documentKinds),
    number: z.string().max(100),
    registeredOn: date.optional(),
    classification: z.string().max(300),
    summary: z.string().max(2000),
    party: z.string().max(2000),
    dueDate: date.optional(),
    state: z.enum(['on-time', 'late', 'not-executed']),
    overdue: z.boolean(),
    workingDays: z.int().optional().meta({
      description: 'Working days to the due date (negative: late), counted from today or from the execution',
    }),
    department: z.string().max(300),
    departmentId: id.optional(),
    executor: z.string().max(300),
    executorId: z.string().max(100),
    controller: z.string().max(300),
    controllerId: id,
    actedBy: z.string().max(300),
    actedAt: z.iso.datetime().optional(),
    status: z.string().max(40),
  })
  .meta({ id: 'ControlReportRow' });
// A document may carry several controlled resolutions: a page may hold more rows than its limit.
export const controlPage = pageOf(controlRow, 2000);

export const journalQuery = z
  .object({ kind: z.enum(documentKinds), registered: period, journalId: id.optional(), limit, cursor })
  .strict();

export const journalRow = z
  .object({
    documentId: id,
    kind: z.enum(documentKinds),
    journalId: id,
    seq: z.int(),
    number: z.string().max(100),
    registeredAt: z.iso.datetime(),
    documentNumber: z.string().max(100),
    documentDate: date.optional(),
    party: z.string().max(2000),
    summary: z.string().max(2000),
    classification: z.string().max(300),
    deliveryForm: z.string().max(300),
    addressee: z.string().max(300),
    status: z.string().max(40),
  })
  .meta({ id: 'JournalReportRow' });
export const journalPage = pageOf(journalRow);

const { kind: controlKind, ...otherControlFilters } = controlFilters;
export const exportBody = z
  .discriminatedUnion('report', [
    z.object({ report: z.enum(controlReports), kind: controlKind, ...otherControlFilters }).strict(),
    z
      .object({
        report: z.literal('journal'),
        kind: z.enum(documentKinds),
        registered: period,
        journalId: id.optional(),
      })
      .strict(),
  ])
  .meta({ id: 'ReportExportRequest' });

export const reportExport = z
  .object({
    ...meta,
    requestedBy: z.string().max(100),
    requestedAt: z.iso.datetime(),
    lang: z.enum(['az', 'en', 'ru']),
    source: exportBody,
    status: z.enum(exportStatuses),
    progress: z.object({ done: z.int(), total: z.int() }),
    fileName: z.string().max(250),
    size: z.int().optional(),
    startedAt: z.iso.datetime().optional(),
    finishedAt: z.iso.datetime().optional(),
    failure: z.object({ code: z.literal('build_failed'), detail: z.string().max(1000) }).optional(),
  })
  .meta({ id: 'ReportExport' });
export const exportsPage = pageOf(reportExport);
export const exportsQuery = listQuery;
export const exportParam = idParam;

export const exportFile = z
  .object({
    fileName: z.string().max(250),
    size: z.int(),
    url: z.string().max(4000),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ReportExportFile' });

export const dashboardQuery = z.object({ registered: period }).strict();

const discipline = z
  .object({
    id: z.string().max(100),
    name: z.string().max(300),
    total: z.int(),
    onTime: z.int(),
    late: z.int(),
    notExecuted: z.int(),
    overdue: z.int(),
    onTimePct: z.number().optional(),
    averageDelay: z.number().optional(),
  })
  .meta({ id: 'ExecutionDiscipline' });

export const dashboardView = z
  .object({
    today: date,
    week: z.object({ from: date, to: date }),
    /** More documents than a dashboard reads: the figures cover the first ones (narrow the period). */
    partial: z.boolean(),
    departments: z.array(discipline).max(5000),
    people: z.array(discipline).max(50000),
    trend: z
      .array(
        z.object({
          month: z.string().max(7),
          onTime: z.int(),
          late: z.int(),
          notExecuted: z.int(),
          onTimePct: z.number().optional(),
        }),
      )
      .max(1200),
    dueThisWeek: z.array(controlRow).max(200),
    volumes: z
      .array(
        z.object({
          kind: z.enum(documentKinds),
          deliveryFormId: z.string().max(100),
          deliveryForm: z.string().max(300),
          count: z.int(),
        }),
      )
      .max(5000),
  })
  .meta({ id: 'ReportsDashboard' });
