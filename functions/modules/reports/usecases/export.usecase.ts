import { randomUUID } from 'node:crypto';
import { PassThrough, Transform } from 'node:stream';
import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import type { Language } from '../../../platform/kernel/text';
import { bakuLocalDate, viewerOf, type Idempotency } from '../../documents';
import { exportSortKey, type ExportSource, type ReportExport } from '../domain/export';
import type { ReportDeps } from '../ports';
import { checkControlQuery, controlRows, type ReportScope } from './control.usecase';
import { checkJournalQuery, journalRows } from './journal.usecase';
import { controlCells, controlSheet, journalCells, journalSheet, reportTitle } from './sheets';
import { streamWorkbook, type CellValue, type ReportColumn } from './workbook';

/** The state machine that builds an export (statemachines/report-export.asl.json). */
export const EXPORT_MACHINE = 'report-export';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOWNLOAD_SECONDS = 5 * 60;

function objectStore(deps: ReportDeps) {
  if (!deps.objects) throw new Error('Object store not configured');
  return deps.objects;
}

/** The job as the API shows it (without the stored viewer and object key). */
export function exportView(e: ReportExport) {
  const { viewer, key, versionId, tenantId, ...rest } = e;
  void viewer;
  void key;
  void versionId;
  void tenantId;
  return rest;
}

function scopeOf(e: Pick<ReportExport, 'tenantId' | 'viewer' | 'lang'>): ReportScope {
  return { tenantId: e.tenantId, viewer: e.viewer, lang: e.lang };
}

function fileNameOf(lang: Language, source: ExportSource, today: string): string {
  const title = reportTitle(lang, source.report)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `${title}-${today}.xlsx`;
}

/**
 * Asks for a report's workbook: the filters are checked now (a bad one is the same 400/422 as on
 * the screen), the job is recorded and the `report-export` machine builds it; the page follows its
 * progress and downloads it when ready. An Idempotency-Key replays the first request's job.
 */
export async function requestExport(
  deps: ReportDeps,
  actor: Actor,
  lang: Language,
  source: ExportSource,
  idem?: Idempotency,
) {
  if (idem) {
    const earlier = await deps.store.replayOf<ReportExport>(actor.tenantId, idem);
    if (earlier) return exportView(earlier);
  }
  if (source.report === 'journal') await checkJournalQuery(deps, actor.tenantId, source);
  else await checkControlQuery(deps, actor.tenantId, source);
  const now = deps.clock.now().toISOString();
  const viewer = viewerOf(actor);
  const job: ReportExport = {
    id: randomUUID(),
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    requestedBy: actor.employeeId,
    requestedAt: now,
    viewer: { ...viewer, actingFor: [...viewer.actingFor], headOf: [...viewer.headOf] },
    lang,
    source,
    status: 'queued',
    progress: { done: 0, total: 0 },
    fileName: fileNameOf(lang, source, bakuLocalDate(now)),
  };
  const created = await deps.store.create('report-export', job, {
    actorId: actor.employeeId,
    parentKey: actor.employeeId,
    sortKey: exportSortKey(job),
    ...(idem ? { idempotency: idem } : {}),
  });
  if (created.replayed) return exportView(created.item);
  if (deps.workflow) {
    await deps.workflow.start({
      machine: EXPORT_MACHINE,
      name: `report-${job.id}`,
      input: { tenantId: actor.tenantId, exportId: job.id },
    });
    return exportView(created.item);
  }
  // Without the machine (unit tests) the workbook is built in the request.
  return exportView(await buildExport(deps, { tenantId: actor.tenantId, exportId: job.id }));
}

async function save(
  deps: ReportDeps,
  key: { tenantId: string; id: string },
  change: (current: ReportExport) => ReportExport | undefined,
): Promise<ReportExport> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.store.get<ReportExport>('report-export', key.tenantId, key.id);
    if (!current) throw new NotFoundError('export not found');
    const next = change(current);
    if (!next) return current;
    try {
      return await deps.store.update(
        'report-export',
        { ...next, updatedAt: deps.clock.now().toISOString() },
        current.version,
        { actorId: 'system', parentKey: current.requestedBy, sortKey: exportSortKey(current) },
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError('write_conflict', 'The export record is busy; try again');
}

/** The sheet's columns and its rows as cells, for a job's source. */
function sheetOf(
  deps: ReportDeps,
  job: Pick<ReportExport, 'tenantId' | 'viewer' | 'lang' | 'source'>,
): { columns: ReportColumn[]; rows: () => AsyncIterable<CellValue[]>; title: string } {
  const scope = scopeOf(job);
  const { lang, source } = job;
  if (source.report === 'journal') {
    const { report, ...q } = source;
    void report;
    return {
      title: reportTitle(lang, 'journal'),
      columns: journalSheet(lang),
      rows: async function* () {
        for await (const row of journalRows(deps, scope, q)) yield journalCells(lang, row);
      },
    };
  }
  return {
    title: reportTitle(lang, source.report),
    columns: controlSheet(lang),
    rows: async function* () {
      for await (const row of controlRows(deps, scope, source)) yield controlCells(lang, row);
    },
  };
}

/** How often the record's progress is written: about 50 steps, at least every 200 rows. */
const progressStep = (total: number) => Math.max(1, Math.min(200, Math.ceil(total / 50)));

/**
 * Builds the workbook of a job: a first pass counts the rows (the progress bar's total), then the
 * rows stream through exceljs's streaming writer straight into a multipart upload to the object
 * store — neither the rows nor the file are ever held whole. Every attempt starts from the
 * beginning under a new object key (uploads are write-once); a ready job is left as it is.
 */
export async function buildExport(
  deps: ReportDeps,
  input: { tenantId: string; exportId: string },
): Promise<ReportExport> {
  const key = { tenantId: input.tenantId, id: input.exportId };
  const job = await deps.store.get<ReportExport>('report-export', input.tenantId, input.exportId);
  if (!job) throw new NotFoundError('export not found');
  if (job.status === 'ready' || job.status === 'failed') return job;
  const sheet = sheetOf(deps, job);
  let total = 0;
  for await (const row of sheet.rows()) if (row) total += 1;
  await save(deps, key, (c) => ({
    ...c,
    status: 'building',
    startedAt: deps.clock.now().toISOString(),
    progress: { done: 0, total },
  }));
  const step = progressStep(total);
  const objectKey = `${input.tenantId}/reports/${input.exportId}/${randomUUID()}.xlsx`;
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  const out = new PassThrough();
  out.pipe(counter);
  const upload = objectStore(deps).putStream({
    bucket: 'attachments',
    key: objectKey,
    body: counter,
    contentType: XLSX_TYPE,
  });
  let written: number;
  try {
    written = await streamWorkbook(out, sheet.title, sheet.columns, sheet.rows(), async (n) => {
      if (n % step === 0 && n < total)
        await save(deps, key, (c) => ({ ...c, progress: { done: n, total: Math.max(total, n) } }));
    });
  } catch (error) {
    out.destroy(error as Error);
    await upload.catch(() => undefined);
    throw error;
  }
  const stored = await upload;
  return save(deps, key, (c) => ({
    ...c,
    status: 'ready',
    key: objectKey,
    ...(stored.versionId ? { versionId: stored.versionId } : {}),
    size,
    progress: { done: written, total: written },
    finishedAt: deps.clock.now().toISOString(),
  }));
}

/** Marks the job failed (the machine's last word after its retries). */
export async function failExport(
  deps: ReportDeps,
  input: { tenantId: string; exportId: string; detail: string },
): Promise<ReportExport> {
  return save(deps, { tenantId: input.tenantId, id: input.exportId }, (c) =>
    c.status === 'ready' || c.status === 'failed'
      ? undefined
      : {
          ...c,
          status: 'failed',
          failure: { code: 'build_failed', detail: input.detail.slice(0, 1000) },
          finishedAt: deps.clock.now().toISOString(),
        },
  );
}

/** Only the requester sees their export jobs (another's is 404, like a document one may not see). */
async function jobOf(deps: ReportDeps, actor: Actor, id: string): Promise<ReportExport> {
  const job = await deps.store.get<ReportExport>('report-export', actor.tenantId, id);
  if (!job || job.requestedBy !== actor.employeeId) throw new NotFoundError('export not found');
  return job;
}

export async function getExport(deps: ReportDeps, actor: Actor, id: string) {
  return exportView(await jobOf(deps, actor, id));
}

/** The caller's export jobs, newest first. */
export async function listExports(deps: ReportDeps, actor: Actor, q: { limit: number; cursor?: string }) {
  const page: Page<ReportExport> = await deps.store.list<ReportExport>('report-export', actor.tenantId, {
    limit: q.limit,
    parentKey: actor.employeeId,
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  return { ...page, items: page.items.filter((e) => e.requestedBy === actor.employeeId).map(exportView) };
}

/** A short-lived download link to a ready workbook (409 export_not_ready before). */
export async function exportDownload(deps: ReportDeps, actor: Actor, id: string) {
  const job = await jobOf(deps, actor, id);
  if (job.status !== 'ready' || !job.key) {
    throw new ConflictError('export_not_ready', 'The export is not ready', { status: job.status });
  }
  const url = await objectStore(deps).presignDownload({
    bucket: 'attachments',
    key: job.key,
    ...(job.versionId ? { versionId: job.versionId } : {}),
    fileName: job.fileName,
    inline: false,
    expiresInSeconds: DOWNLOAD_SECONDS,
  });
  return {
    fileName: job.fileName,
    size: job.size ?? 0,
    url,
    expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_SECONDS * 1000).toISOString(),
  };
}
