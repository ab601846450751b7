import { randomUUID } from 'node:crypto';
import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import type { ReferenceItem } from '../../reference';
import { allow, hasRole, type Idempotency } from '../../documents';
import { bagName } from '../domain/bagit';
import { transferSortKey, type ArchiveTransfer } from '../domain/transfer';
import { caseFileDocuments } from './case-documents';
import type { ArchiveDeps } from './deps';
import { objectStore } from './read';
import { buildTransfer } from './transfer-package';

/**
 * The transfer of a permanent case file to the state archive (Decree 935 §153.7): the archive role
 * asks for a case file's package; the `archive-transfer` machine builds it (a BagIt bag in one tar,
 * streamed from the archive bucket into the archive bucket, transfer-package.ts) and the page
 * follows its progress, then downloads it.
 */
export const TRANSFER_MACHINE = 'archive-transfer';
const DOWNLOAD_SECONDS = 5 * 60;

/** The package as the API shows it (without the list of document ids). */
export function transferView(t: ArchiveTransfer) {
  const { documentIds, ...rest } = t;
  return { ...rest, documents: documentIds.length };
}

/**
 * Asks for the transfer package of a permanent case file ("daimi": no retention period) for a
 * year: only its documents with an archive copy go in. The archive role; an Idempotency-Key
 * replays the first request's package.
 */
export async function requestTransfer(
  deps: ArchiveDeps,
  actor: Actor,
  input: { nomenclatureId: string; year: number },
  idem?: Idempotency,
) {
  allow(hasRole(actor, 'archivist'), 'the archive');
  if (idem) {
    const earlier = await deps.store.replayOf<ArchiveTransfer>(actor.tenantId, idem);
    if (earlier) return transferView(earlier);
  }
  const item = await deps.store.get<ReferenceItem>('ref:nomenclature', actor.tenantId, input.nomenclatureId);
  if (!item || item.list !== 'nomenclature') {
    throw new BusinessRuleError('unknown_reference', 'Unknown case file', {}, [
      { path: 'nomenclatureId', code: 'unknown_reference' },
    ]);
  }
  if (item.retentionYears !== null) {
    throw new BusinessRuleError(
      'transfer_not_permanent',
      'Only a case file kept permanently passes to the state archive',
      {},
      [{ path: 'nomenclatureId', code: 'transfer_not_permanent' }],
    );
  }
  const documentIds = await caseFileDocuments(
    deps,
    actor,
    { nomenclatureId: item.id, year: input.year, status: ['archived'] },
    (d) => (d.status === 'archived' && d.archive ? d.id : undefined),
  );
  if (documentIds.length === 0) {
    throw new BusinessRuleError(
      'transfer_no_documents',
      'The case file has no archived documents of that year',
      {},
      [{ path: 'year', code: 'transfer_no_documents' }],
    );
  }
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  const transfer: ArchiveTransfer = {
    id,
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    nomenclatureId: item.id,
    caseIndex: item.index,
    caseName: item.name,
    year: input.year,
    status: 'queued',
    requestedBy: actor.employeeId,
    requestedAt: now,
    name: bagName({ caseIndex: item.index, year: input.year, transferId: id }),
    documentIds,
    progress: { done: 0, total: documentIds.length },
  };
  const created = await deps.store.create('archive-transfer', transfer, {
    actorId: actor.employeeId,
    parentKey: item.id,
    sortKey: transferSortKey(transfer),
    ...(idem ? { idempotency: idem } : {}),
  });
  if (created.replayed) return transferView(created.item);
  if (deps.workflow) {
    await deps.workflow.start({
      machine: TRANSFER_MACHINE,
      name: `transfer-${id}`,
      input: { tenantId: actor.tenantId, transferId: id },
    });
    return transferView(created.item);
  }
  // Without the machine (unit tests) the package is built in the request.
  return transferView(await buildTransfer(deps, { tenantId: actor.tenantId, transferId: id }));
}

/** The transfer packages, newest first. The archive role. */
export async function listTransfers(
  deps: ArchiveDeps,
  actor: Actor,
  query: { limit: number; cursor?: string },
) {
  allow(hasRole(actor, 'archivist'), 'the archive');
  const page: Page<ArchiveTransfer> = await deps.store.list<ArchiveTransfer>(
    'archive-transfer',
    actor.tenantId,
    { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
  );
  return { ...page, items: page.items.map(transferView) };
}

async function transferOf(deps: ArchiveDeps, actor: Actor, id: string): Promise<ArchiveTransfer> {
  allow(hasRole(actor, 'archivist'), 'the archive');
  const t = await deps.store.get<ArchiveTransfer>('archive-transfer', actor.tenantId, id);
  if (!t) throw new NotFoundError('transfer package not found');
  return t;
}

/** One transfer package: its status, progress and, when ready, its size and SHA-256. */
export async function getTransfer(deps: ArchiveDeps, actor: Actor, id: string) {
  return transferView(await transferOf(deps, actor, id));
}

/** A short-lived download link to a ready package (409 while it is being built or when it failed). */
export async function transferPackage(deps: ArchiveDeps, actor: Actor, id: string) {
  const t = await transferOf(deps, actor, id);
  if (t.status !== 'ready' || !t.key || !t.sha256 || t.size === undefined) {
    throw new ConflictError('transfer_not_ready', 'The transfer package is not ready', { status: t.status });
  }
  const url = await objectStore(deps).presignDownload({
    bucket: 'archive',
    key: t.key,
    ...(t.versionId ? { versionId: t.versionId } : {}),
    fileName: `${t.name}.tar`,
    inline: false,
    expiresInSeconds: DOWNLOAD_SECONDS,
  });
  return {
    name: `${t.name}.tar`,
    sha256: t.sha256,
    size: t.size,
    url,
    expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_SECONDS * 1000).toISOString(),
  };
}
