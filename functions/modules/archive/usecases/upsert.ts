import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import type { AggregateType, WriteOptions } from '../../../platform/ports/aggregate-store.port';
import type { ArchiveDeps } from './deps';

/**
 * Writes an archive record whatever is stored: `next` gives the record to store (a create when
 * none is stored, else an update of the stored version) or undefined to keep what is stored. A
 * concurrent writer's conflict reads again and retries.
 */
export async function upsert<T extends AggregateMeta>(
  deps: ArchiveDeps,
  type: AggregateType,
  key: { tenantId: string; id: string },
  next: (current: T | undefined) => { item: T; options: WriteOptions } | undefined,
): Promise<T | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.store.get<T>(type, key.tenantId, key.id);
    const write = next(current);
    if (!write) return current;
    try {
      return current
        ? await deps.store.update(type, write.item, current.version, write.options)
        : (await deps.store.create(type, write.item, write.options)).item;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError('write_conflict', 'The archive record is busy; try again');
}
