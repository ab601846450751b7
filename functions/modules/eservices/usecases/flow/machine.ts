/**
 * The use cases behind the application machine's own tasks (statemachines/eservice-application.asl.json):
 * `applicationNext`, `applicationWait`, `applicationCancel`. `applicationNotify` is notify.ts.
 */
import type { ApplicationFlowDeps } from '../../ports';
import type { ApplicationRecord } from '../application-records';
import { nextStep, paymentDueAt, stillWaitsOn, type NextStep, type WaitOn } from './next';
import { reconcilePayment } from './payment';
import { changeApplication, definitionOf, logEntry, requireApplication, SYSTEM } from './records';

export interface ApplicationRef {
  tenantId: string;
  applicationId: string;
}

/** `applicationNext`: where the application goes from here. */
export async function planNext(deps: ApplicationFlowDeps, input: ApplicationRef): Promise<NextStep> {
  const record = await requireApplication(deps, input.tenantId, input.applicationId);
  const definition = await definitionOf(deps, record);
  return nextStep(record, definition.decisionNotice.channels, deps.clock.now());
}

/**
 * `applicationWait` (`.waitForTaskToken`): keeps the token in `waiting` while the application still
 * waits on that event, and answers it at once when the event already happened. Whoever records the
 * event later reads the token from the record (an optimistic update: one of the two always sees
 * the other's write).
 */
export async function keepWaiting(
  deps: ApplicationFlowDeps,
  input: ApplicationRef & { on: WaitOn; taskToken: string },
): Promise<{ waiting: boolean }> {
  let answerNow = false;
  await changeApplication(deps, input.tenantId, input.applicationId, SYSTEM, (r) => {
    answerNow = !stillWaitsOn(r, input.on);
    if (answerNow || r.waiting?.taskToken === input.taskToken) return undefined;
    return {
      ...r,
      waiting: { on: input.on, taskToken: input.taskToken, since: deps.clock.now().toISOString() },
    };
  });
  if (answerNow) await deps.workflow.taskSucceeded(input.taskToken, { on: input.on, already: true });
  return { waiting: !answerNow };
}

export type CancelReason = NonNullable<ApplicationRecord['cancelReason']>;

/**
 * `applicationCancel`: the wait's window ran out. Cancels only what still waits and whose window
 * has really ended by the clock; an unpaid application's open payment is first asked at the
 * acquirer (a payment whose callback never came is recorded, not cancelled).
 */
export async function cancelLate(
  deps: ApplicationFlowDeps,
  input: ApplicationRef & { reason: CancelReason },
): Promise<{ cancelled: boolean }> {
  if (input.reason === 'not-paid') {
    const record = await requireApplication(deps, input.tenantId, input.applicationId);
    if (record.payment?.status === 'pending') await reconcilePayment(deps, record);
  }
  const now = deps.clock.now();
  const late = (r: ApplicationRecord): boolean =>
    input.reason === 'not-confirmed'
      ? r.state === 'awaiting-confirmation' &&
        r.confirmation !== undefined &&
        now.getTime() >= Date.parse(r.confirmation.dueAt)
      : r.state === 'awaiting-payment' && now.getTime() >= Date.parse(paymentDueAt(r));
  const { changed } = await changeApplication(deps, input.tenantId, input.applicationId, SYSTEM, (r) =>
    late(r)
      ? {
          ...r,
          state: 'cancelled',
          cancelledAt: now.toISOString(),
          cancelReason: input.reason,
          log: [...r.log, logEntry(now.toISOString(), 'cancelled', SYSTEM, { reason: input.reason })],
        }
      : undefined,
  );
  return { cancelled: changed };
}
