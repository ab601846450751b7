import type { Actor } from '../../../platform/kernel/aggregate';
import { ConflictError, ForbiddenError } from '../../../platform/kernel/errors';
import { RECEIVED, receivedWriteOptions, type ReceivedItem } from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { assertItemVersion, receivedItemOf } from './queue.usecase';
import { receivedView } from './view';

/** Only a waiting item is registered or refused: 409 `received_not_waiting` otherwise. */
export function assertWaiting(item: ReceivedItem): void {
  if (item.state !== 'waiting')
    throw new ConflictError('received_not_waiting', 'The received document is not waiting', {
      state: item.state,
    });
}

/**
 * POST /exchange/received/{id}/refuse (Decree 935 §149): the registry office refuses a received
 * document with a reason; the system tells the sender (its delivery becomes `refused`).
 */
export async function refuseReceived(
  deps: ExchangeDeps,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
) {
  if (!actor.roles.has('clerk'))
    throw new ForbiddenError('Only the registry office refuses received documents');
  const item = await receivedItemOf(deps, actor, id);
  assertItemVersion(item, input.version);
  assertWaiting(item);
  const now = deps.clock.now().toISOString();
  const next: ReceivedItem = {
    ...item,
    state: 'refused',
    refusal: { reason: input.reason, at: now, by: actor.employeeId },
    updatedAt: now,
  };
  return receivedView(
    await deps.store.update(
      RECEIVED,
      next,
      item.version,
      receivedWriteOptions(next, actor.employeeId, false),
    ),
  );
}
