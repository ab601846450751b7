import type { AggregateMeta } from '../../../functions/platform/kernel/aggregate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildExport,
  exportDownload,
  failExport,
  getExport,
  listExports,
  requestExport,
} from '../../../functions/modules/reports/usecases/export.usecase';
import { actor, TENANT } from '../../support/builders';
import { reportWorld } from './world';

const ctrl = actor('ctrl');

describe('report export jobs', () => {
  it('without a workflow engine builds the workbook in the request and links to it', async () => {
    const deps = reportWorld();
    const { workflow, ...inline } = deps;
    void workflow;
    const job = await requestExport(inline, ctrl, 'az', { report: 'overdue' });
    expect(job).toMatchObject({ status: 'ready', progress: { done: 1, total: 1 } });
    expect(job.fileName).toMatch(/^Müddəti-keçmiş-2026-03-02\.xlsx$/);
    expect(job).not.toHaveProperty('viewer');
    const stored = (await deps.store.get<AggregateMeta & { key: string }>('report-export', TENANT, job.id))!;
    const bytes = (await deps.objects.get({ bucket: 'attachments', key: stored.key }))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).getCell(2).value).toBe('D-3/26');
    const link = await exportDownload(inline, ctrl, job.id);
    expect(link.fileName).toBe(job.fileName);
    expect((await listExports(inline, ctrl, { limit: 10 })).items.map((e) => e.id)).toEqual([job.id]);
  });

  it('with the engine queues the job for the machine; the file waits until it is built', async () => {
    const deps = reportWorld();
    const job = await requestExport(deps, ctrl, 'en', { report: 'journal', kind: 'incoming' });
    expect(job.status).toBe('queued');
    expect(deps.workflow.started.map((s) => s.machine)).toEqual(['report-export']);
    await expect(exportDownload(deps, ctrl, job.id)).rejects.toMatchObject({ code: 'export_not_ready' });
    // Only the requester sees the job.
    await expect(getExport(deps, actor('other'), job.id)).rejects.toMatchObject({ code: 'not_found' });
    const built = await buildExport(deps, { tenantId: TENANT, exportId: job.id });
    expect(built).toMatchObject({ status: 'ready', progress: { done: 4, total: 4 } });
    // A ready job stays as it is; a failure after it changes nothing.
    expect((await failExport(deps, { tenantId: TENANT, exportId: job.id, detail: 'x' })).status).toBe(
      'ready',
    );
  });

  it('records a failure the machine reports after its retries', async () => {
    const deps = reportWorld();
    const job = await requestExport(deps, ctrl, 'ru', { report: 'all' });
    const failed = await failExport(deps, { tenantId: TENANT, exportId: job.id, detail: 'States.Timeout' });
    expect(failed).toMatchObject({
      status: 'failed',
      failure: { code: 'build_failed', detail: 'States.Timeout' },
    });
  });

  it('checks the filters before recording anything', async () => {
    const deps = reportWorld();
    await expect(
      requestExport(deps, ctrl, 'az', { report: 'all', executorId: 'ghost' }),
    ).rejects.toMatchObject({
      code: 'unknown_reference',
    });
    expect((await listExports(deps, ctrl, { limit: 10 })).items).toEqual([]);
  });
});
