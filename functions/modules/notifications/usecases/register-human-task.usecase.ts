import type { HumanTaskRegistration, TaskInbox } from '../ports';

/**
 * First half of a human step: keep the Step Functions task token on the assignment so that the
 * user's decision can complete the step. Idempotent (the inbox treats a repeat as a no-op).
 */
export async function registerHumanTask(
  deps: { inbox: () => TaskInbox },
  registration: HumanTaskRegistration,
): Promise<{ registered: true }> {
  await deps.inbox().record(registration);
  return { registered: true };
}
