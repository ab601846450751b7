/**
 * Task Lambda of statemachines/archive-transfer.asl.json (`${fn_archiveTransferBuild}`): builds a
 * transfer package from the beginning (a retry starts over), or — with `error`, the machine's Catch
 * after its retries — records that it failed.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { buildTransfer, failTransfer } from '../usecases/transfer-package';
import type { ArchiveDeps } from '../usecases/deps';

const event = z.object({
  tenantId: z.string().min(1).max(100),
  transferId: z.string().min(1).max(100),
  /** The error the build ended with after the machine's retries (States.ALL). */
  error: z
    .object({ Error: z.string().max(500).optional(), Cause: z.string().max(5000).optional() })
    .optional(),
});

export const archiveTransferBuildTask = stepTask(event, async (deps: ArchiveDeps, input) => {
  const t = input.error
    ? await failTransfer(deps, {
        tenantId: input.tenantId,
        transferId: input.transferId,
        failure: {
          code: 'build_failed',
          detail: `${input.error.Error ?? 'Error'}: ${(input.error.Cause ?? '').slice(0, 900)}`,
        },
      })
    : await buildTransfer(deps, { tenantId: input.tenantId, transferId: input.transferId });
  return { transferId: t.id, status: t.status, ...(t.sha256 ? { sha256: t.sha256 } : {}) };
});
