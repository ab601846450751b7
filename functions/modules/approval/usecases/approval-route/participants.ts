import { assertKnown, isActive, type Deps } from '../../../../platform/kernel/aggregates';
import type { ApprovalStage } from '../../../documents';

/** Participants are active employees and active positions of the tenant (one read per kind for all stages). */
export async function assertParticipants(
  deps: Deps,
  tenantId: string,
  stages: ApprovalStage[],
): Promise<void> {
  await assertKnown(
    deps,
    tenantId,
    stages.flatMap((stage, i) =>
      stage.participants.map((p, j) =>
        'employeeId' in p
          ? (['employee', p.employeeId, `stages.${i}.participants.${j}.employeeId`] as const)
          : (['position', p.positionId, `stages.${i}.participants.${j}.positionId`] as const),
      ),
    ),
    isActive,
  );
}
