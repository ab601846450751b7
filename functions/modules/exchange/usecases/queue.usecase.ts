import type { Actor } from '../../../platform/kernel/aggregate';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/kernel/errors';
import { RECEIVED, receivedWriteOptions, type ReceivedItem, type ReceivedState } from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { receivedView } from './view';

const DOWNLOAD_SECONDS = 5 * 60;

/** The queue is the registry office's (and the admins'): others are refused. */
export function assertQueueRole(actor: Actor): void {
  if (!actor.roles.has('clerk') && !actor.roles.has('admin'))
    throw new ForbiddenError('Only the registry office sees received documents');
}

/** A received item of the caller's agency; 404 otherwise. */
export async function receivedItemOf(deps: ExchangeDeps, actor: Actor, id: string): Promise<ReceivedItem> {
  assertQueueRole(actor);
  const item = await deps.store.get<ReceivedItem>(RECEIVED, actor.tenantId, id);
  if (!item) throw new NotFoundError('received document not found');
  return item;
}

/** The stored version must be the one the caller read. */
export function assertItemVersion(item: ReceivedItem, version: number): void {
  if (item.version !== version)
    throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
      expected: version,
    });
}

/** GET /exchange/received: one page of the agency's received items in a state, newest first (a query). */
export async function listReceived(
  deps: ExchangeDeps,
  actor: Actor,
  query: { state: ReceivedState; limit: number; cursor?: string },
) {
  assertQueueRole(actor);
  const page = await deps.store.list<ReceivedItem>(RECEIVED, actor.tenantId, {
    parentKey: query.state,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items.map(receivedView),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * GET /exchange/received/{id}: the item; the first opening by a clerk is recorded (`openedAt`),
 * which the system reports to the sender as `received`. A concurrent first opening is no error.
 */
export async function getReceived(deps: ExchangeDeps, actor: Actor, id: string) {
  const item = await receivedItemOf(deps, actor, id);
  if (item.openedAt || !actor.roles.has('clerk')) return receivedView(item);
  const now = deps.clock.now().toISOString();
  const next: ReceivedItem = { ...item, openedAt: now, openedBy: actor.employeeId, updatedAt: now };
  try {
    return receivedView(
      await deps.store.update(
        RECEIVED,
        next,
        item.version,
        receivedWriteOptions(next, actor.employeeId, false),
      ),
    );
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'stale_version')) throw error;
    return receivedView(await receivedItemOf(deps, actor, id));
  }
}

/** GET /exchange/received/{id}/files/{index}: a short-lived link to one stored file. */
export async function receivedFileLink(deps: ExchangeDeps, actor: Actor, id: string, index: number) {
  const item = await receivedItemOf(deps, actor, id);
  const file = item.files[index];
  if (!file) throw new NotFoundError('file not found');
  if (!deps.objects) throw new Error('Object store not configured');
  const url = await deps.objects.presignDownload({
    bucket: 'attachments',
    key: file.key,
    ...(file.versionId ? { versionId: file.versionId } : {}),
    fileName: file.name,
    inline: false,
    expiresInSeconds: DOWNLOAD_SECONDS,
  });
  return { url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_SECONDS * 1000).toISOString() };
}
