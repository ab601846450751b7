import type { Actor, AggregateMeta, Page } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import { outsideTenant } from '../../../platform/tenant-access/context';
import { allow, bakuLocalDate, hasRole, type ArchiveState, type DocumentRecord } from '../../documents';
import { ensureIntegrityMachine } from './schedule.usecase';
import type { ArchiveDeps } from './deps';
import { upsert } from './upsert';

/** The partition of the archive's platform-wide records (the tenants whose chains are sealed daily). */
export const ARCHIVE_PARTITION = '_archive';

/** A tenant whose logs the archive seals: each day's Merkle roots from `since` on. */
export interface ArchiveTenant extends AggregateMeta {
  since: string;
  /** The last Baku day whose roots are sealed (the day before `since` at first). */
  sealedThrough: string;
}

/** One archived document as the archive page lists it (by case file, by end of retention). */
export interface Holding extends AggregateMeta {
  documentId: string;
  kind: DocumentRecord['kind'];
  number?: string;
  summary: string;
  nomenclatureId?: string;
  archivedAt: string;
  retainUntil: string;
  retainedThrough: string;
  retentionYears: number | null;
  permanent: boolean;
  legalHold: boolean;
  objects: number;
  /** Set when a disposal act destroyed the archive copy (the row then sorts after every date). */
  disposedAt?: string;
  disposalActId?: string;
}

/** Sort-key prefix of disposed holdings: after every retain-until date, out of the due list. */
export const DISPOSED_PREFIX = '~';

/** The parent key of holdings archived without a case file. */
export const NO_CASE = '-';
const known = new Set<string>();

export const previousDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Makes sure the archive seals the tenant's logs (once per process a read; the first time a record
 * and the tenant's integrity machine). Called for every document written (the table stream) and
 * by the archive's own use cases.
 */
export async function ensureArchiveTenant(deps: ArchiveDeps, tenantId: string): Promise<void> {
  if (known.has(tenantId)) return;
  // The register of sealed tenants is the platform's (`_archive`), not the tenant's: it is kept
  // with the function's own role, never the tenant's credentials, and only for this tenant.
  await outsideTenant(() => registerArchiveTenant(deps, tenantId));
  known.add(tenantId);
}

async function registerArchiveTenant(deps: ArchiveDeps, tenantId: string): Promise<void> {
  const existing = await deps.store.get<ArchiveTenant>('archive-tenant', ARCHIVE_PARTITION, tenantId);
  if (!existing) {
    const now = deps.clock.now().toISOString();
    const today = bakuLocalDate(now);
    try {
      await deps.store.create<ArchiveTenant>(
        'archive-tenant',
        {
          id: tenantId,
          tenantId: ARCHIVE_PARTITION,
          version: 1,
          createdAt: now,
          updatedAt: now,
          since: today,
          sealedThrough: previousDay(today),
        },
        { actorId: 'system', sortKey: tenantId },
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  await ensureIntegrityMachine(
    deps,
    tenantId,
    Number(bakuLocalDate(deps.clock.now().toISOString()).slice(0, 4)),
  );
}

/** The archive page's row of a document (written with its archive state, updated with its legal hold). */
export async function recordHolding(
  deps: ArchiveDeps,
  doc: DocumentRecord,
  state: ArchiveState,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const row: Holding = {
    id: doc.id,
    tenantId: doc.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    documentId: doc.id,
    kind: doc.kind,
    ...(doc.registration ? { number: doc.registration.number } : {}),
    summary: doc.summary.slice(0, 500),
    ...(state.nomenclatureId ? { nomenclatureId: state.nomenclatureId } : {}),
    archivedAt: state.archivedAt,
    retainUntil: state.retainUntil,
    retainedThrough: state.retainedThrough,
    retentionYears: state.retentionYears,
    permanent: state.permanent,
    legalHold: state.legalHold,
    objects: state.objects.length,
  };
  const options = {
    actorId: 'system',
    parentKey: state.nomenclatureId ?? NO_CASE,
    sortKey: `${state.retainUntil}#${doc.id}`,
  };
  await upsert<Holding>(deps, 'archive-holding', doc, (current) =>
    !current
      ? { item: row, options }
      : current.legalHold !== row.legalHold && !current.disposedAt
        ? { item: { ...current, legalHold: row.legalHold, updatedAt: now }, options }
        : undefined,
  );
}

/** Archived documents, by the end of their retention: all, or one case file's. The archive role. */
export async function listHoldings(
  deps: ArchiveDeps,
  actor: Actor,
  query: { nomenclatureId?: string; limit: number; cursor?: string },
): Promise<Page<Holding>> {
  allow(hasRole(actor, 'archivist'), 'the archive');
  await ensureArchiveTenant(deps, actor.tenantId);
  return deps.store.list<Holding>('archive-holding', actor.tenantId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.nomenclatureId ? { parentKey: query.nomenclatureId } : {}),
  });
}
