/**
 * Task Lambda of statemachines/report-export.asl.json (`${fn_reportExportBuild}`): builds an export's
 * workbook from the beginning (a retry starts over), or — with `error`, the machine's Catch after
 * its retries — records that it failed.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import type { ReportDeps } from '../ports';
import { buildExport, failExport } from '../usecases/export.usecase';

const event = z.object({
  tenantId: z.string().min(1).max(100),
  exportId: z.string().min(1).max(100),
  error: z
    .object({ Error: z.string().max(500).optional(), Cause: z.string().max(5000).optional() })
    .optional(),
});

export const reportExportBuildTask = stepTask(event, async (deps: ReportDeps, input) => {
  const job = input.error
    ? await failExport(deps, {
        tenantId: input.tenantId,
        exportId: input.exportId,
        detail: `${input.error.Error ?? 'Error'}: ${(input.error.Cause ?? '').slice(0, 900)}`,
      })
    : await buildExport(deps, { tenantId: input.tenantId, exportId: input.exportId });
  return { exportId: job.id, status: job.status, rows: job.progress.done };
});
