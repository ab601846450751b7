/**
 * Task Lambda of statemachines/archive-integrity.asl.json (`${fn_archiveIntegrityCheck}`): seals the
 * days that ended, re-hashes the archive and the chains, writes the report (retries overwrite it).
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { bakuLocalDate } from '../../documents';
import { runIntegrityCheck } from '../usecases/integrity.usecase';
import type { ArchiveDeps } from '../usecases/deps';

const event = z.object({
  tenantId: z.string().min(1).max(100),
  /** A requested check names its report; a nightly one is named by its time (one report a night). */
  reportId: z.string().min(1).max(100).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  requestedBy: z.string().min(1).max(100).optional(),
});

export const archiveIntegrityCheckTask = stepTask(event, async (deps: ArchiveDeps, input) => {
  const night = bakuLocalDate(input.at ?? deps.clock.now().toISOString());
  const report = await runIntegrityCheck(deps, {
    tenantId: input.tenantId,
    reportId: input.reportId ?? `nightly-${night}`,
    trigger: input.reportId ? 'manual' : 'schedule',
    ...(input.requestedBy ? { requestedBy: input.requestedBy } : {}),
  });
  return { reportId: report.id, status: report.status, mismatches: report.mismatchCount };
});
