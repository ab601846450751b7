import type { Actor, AggregateMeta, Page } from '../../../platform/kernel/aggregate';
import { localize, type LocalizedText } from '../../../platform/kernel/text';
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import {
  allow,
  allowedOperations,
  createDocument,
  formatBakuDate,
  hasRole,
  performOperation,
  retryOnStale,
  type ArchiveDisposal,
  type DocumentRecord,
} from '../../documents';
import type { ReferenceItem } from '../../reference';
import { contentTextKey } from '../../search';
import { SINGLE_FILE, type SingleFileRecord } from '../../signatures';
import { actDocumentClaim, OPEN_ACT_CLAIM } from '../domain/disposal';
import { archiveDocument } from './archive.usecase';
import { DISPOSED_PREFIX, NO_CASE, type Holding } from './holdings.usecase';
import type { ArchiveDeps } from './deps';
import { objectStore } from './read';

/**
 * Disposal of archived documents whose retention period has ended (Decree 935 §153.2). The
 * archivist draws up an act (akt): the case files whose period is over, with their documents — not
 * "daimi" items, not documents under a legal hold. The act is an internal document whose text is
 * that list; it goes through an approval route (the commission's endorsements, the head's
 * signature) like any other document. Only when its signature lands does anything get deleted:
 * each listed document's archive copy is deleted version by version (S3 refuses while Object Lock
 * still protects one, so nothing can go early), the document keeps its requisites, its journal
 * entry and its logs with a note of the act, and the act itself is archived — kept permanently.
 *
 * One act is open per agency at a time (a unique claim), so no document is listed twice. Every
 * step is idempotent: the table stream runs the execution when the act's document is signed, and
 * runs it again after a crash; a disposed document is not disposed twice.
 */

/** At most this many documents in one act (the rest wait for the next act). */
export const MAX_ACT_DOCUMENTS = 1000;
/** At most this many case files (lines) in one act: the act's text is the document's text. */
export const MAX_ACT_CASES = 40;
const MAX_LISTING = 3900;

/** One line of an act: a case file of one year whose retention period is over. */
export interface DisposalCase {
  nomenclatureId?: string;
  index?: string;
  name?: LocalizedText;
  closedYear: number;
  retentionYears: number;
  retainedThrough: string;
  documents: number;
}

export type DisposalStatus = 'drawn-up' | 'approval' | 'executing' | 'executed' | 'cancelled';

/** A disposal act and what became of it. */
export interface DisposalAct extends AggregateMeta {
  status: DisposalStatus;
  drawnUpBy: string;
  /** Documents whose retention ended before this instant were listed. */
  cutoff: string;
  cases: DisposalCase[];
  documentIds: string[];
  /** More documents were due than one act takes: the next act lists them. */
  more: boolean;
  /** The act's text as drawn up (the act document's text; execution refuses a changed one). */
  listing: string;
  documentId?: string;
  number?: string;
  progress?: { done: number; total: number };
  result?: {
    disposed: number;
    /** Listed documents left as they are, with why (a legal hold set since, for example). */
    skipped: Array<{ documentId: string; reason: string }>;
    /** Working copies in the attachments bucket still under its own lock (deleted when it ends). */
    lockedCopies: number;
    executedAt: string;
  };
  cancelledAt?: string;
  cancelReason?: string;
}

const caseKey = (h: Pick<Holding, 'nomenclatureId' | 'retainedThrough' | 'retentionYears'>) =>
  `${h.nomenclatureId ?? NO_CASE}|${Number(h.retainedThrough.slice(0, 4)) - (h.retentionYears ?? 0)}`;

/** Whether a holding may be disposed of at `now`: its period over, not permanent, no legal hold. */
export const disposable = (h: Holding, now: string): boolean =>
  !h.permanent && !h.legalHold && !h.disposedAt && h.retainUntil <= now;

/**
 * The holdings due at `now`, oldest first: the archive's holdings are sorted by the end of their
 * retention, so this reads only what is due (and the held ones among them), never the whole list.
 */
async function dueHoldings(
  deps: ArchiveDeps,
  tenantId: string,
  now: string,
): Promise<{ holdings: Holding[]; more: boolean }> {
  const out: Holding[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<Holding>('archive-holding', tenantId, {
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const h of page.items) {
      if (h.disposedAt || h.retainUntil > now) return { holdings: out, more: false };
      if (!disposable(h, now)) continue;
      if (out.length === MAX_ACT_DOCUMENTS) return { holdings: out, more: true };
      out.push(h);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { holdings: out, more: false };
}

/** Groups due holdings into the act's lines (case file and year), within the act's limits. */
async function casesOf(
  deps: ArchiveDeps,
  tenantId: string,
  holdings: Holding[],
): Promise<{ cases: DisposalCase[]; documentIds: string[]; cut: boolean }> {
  const groups = new Map<string, Holding[]>();
  for (const h of holdings) groups.set(caseKey(h), [...(groups.get(caseKey(h)) ?? []), h]);
  const ids = [...new Set(holdings.map((h) => h.nomenclatureId).filter((x): x is string => !!x))];
  const items = new Map(
    (await deps.store.getMany<ReferenceItem>('ref:nomenclature', tenantId, ids)).map((i) => [i.id, i]),
  );
  const cases: DisposalCase[] = [];
  const documentIds: string[] = [];
  for (const group of groups.values()) {
    if (cases.length === MAX_ACT_CASES) return { cases, documentIds, cut: true };
    const first = group[0]!;
    const item = first.nomenclatureId ? items.get(first.nomenclatureId) : undefined;
    const years = first.retentionYears ?? 0;
    cases.push({
      ...(first.nomenclatureId ? { nomenclatureId: first.nomenclatureId } : {}),
      ...(item && item.list === 'nomenclature' ? { index: item.index, name: item.name } : {}),
      closedYear: Number(first.retainedThrough.slice(0, 4)) - years,
      retentionYears: years,
      retainedThrough: first.retainedThrough,
      documents: group.length,
    });
    documentIds.push(...group.map((h) => h.documentId));
  }
  return { cases, documentIds, cut: false };
}

/** The act's text (Azerbaijani, the agency's language): its lines and the total. */
export function actListing(cases: DisposalCase[], drawnUpAt: string): string {
  const head =
    'Saxlanma müddəti başa çatdığı üçün məhv edilməyə ayrılan işlər (Nazirlər Kabinetinin 935 nömrəli ' +
    `Qərarı, 153.2-ci bənd). Tərtib edilib: ${formatBakuDate(drawnUpAt)}.`;
  const lines = cases.map(
    (c, i) =>
      `${i + 1}. ${c.index ? `${c.index} «${c.name ? localize(c.name, 'az') : ''}»` : 'Nomenklatura işi göstərilməyib'}, ` +
      `${c.closedYear}-ci il: ${c.documents} sənəd; saxlanma müddəti ${c.retentionYears} il, ` +
      `${c.retainedThrough.split('-').reverse().join('.')} tarixədək.`,
  );
  const total = cases.reduce((n, c) => n + c.documents, 0);
  return [head, ...lines, `Cəmi: ${cases.length} iş, ${total} sənəd.`].join('\n');
}

/** The case files and documents due now, as an act would list them (nothing is written). */
export async function disposalPreview(deps: ArchiveDeps, actor: Actor) {
  allow(hasRole(actor, 'archivist'), 'disposal');
  const now = deps.clock.now().toISOString();
  const due = await dueHoldings(deps, actor.tenantId, now);
  const grouped = await casesOf(deps, actor.tenantId, due.holdings);
  return {
    cutoff: now,
    cases: grouped.cases,
    documents: grouped.documentIds.length,
    more: due.more || grouped.cut,
  };
}

/**
 * Draws up a disposal act of what is due now: the act record (claiming the agency's one open act),
 * then its internal document with the list as its text, registered so that it has a number. The
 * archivist then gives it a route (endorsements, the head's signature) on its card.
 */
export async function drawUpDisposalAct(
  deps: ArchiveDeps,
  actor: Actor,
  input: { comment?: string },
  idempotency?: { key: string; requestHash: string },
): Promise<DisposalAct> {
  allow(hasRole(actor, 'archivist'), 'disposal');
  // A retried request gets the act it drew up (the one-open-act rule would refuse a second).
  const earlier = idempotency
    ? await deps.store.replayOf<DisposalAct>(actor.tenantId, idempotency)
    : undefined;
  if (earlier)
    return earlier.status === 'drawn-up' ? completeDrawUp(deps, actor, earlier, input.comment) : earlier;
  const now = deps.clock.now().toISOString();
  const due = await dueHoldings(deps, actor.tenantId, now);
  const grouped = await casesOf(deps, actor.tenantId, due.holdings);
  if (grouped.documentIds.length === 0)
    throw new ConflictError(
      'nothing_to_dispose',
      'No archived document has reached the end of its retention',
    );
  let listing = actListing(grouped.cases, now);
  while (listing.length > MAX_LISTING && grouped.cases.length > 1) {
    const dropped = grouped.cases.pop()!;
    grouped.documentIds.splice(grouped.documentIds.length - dropped.documents, dropped.documents);
    grouped.cut = true;
    listing = actListing(grouped.cases, now);
  }
  const act: DisposalAct = {
    id: randomUUID(),
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    status: 'drawn-up',
    drawnUpBy: actor.employeeId,
    cutoff: now,
    cases: grouped.cases,
    documentIds: grouped.documentIds,
    more: due.more || grouped.cut,
    listing,
  };
  try {
    await deps.store.create<DisposalAct>('archive-disposal', act, {
      actorId: actor.employeeId,
      sortKey: `${now}#${act.id}`,
      claim: [OPEN_ACT_CLAIM],
      ...(idempotency ? { idempotency } : {}),
    });
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'duplicate_value')
      throw new ConflictError(
        'disposal_act_open',
        'Another disposal act is open: execute or cancel it first',
      );
    throw error;
  }
  return completeDrawUp(deps, actor, act, input.comment);
}

/**
 * The act's document: created (idempotently, keyed by the act), registered, and recorded on the
 * act. Safe to run again on an act left half-done by a crash (the act page does that).
 */
async function completeDrawUp(
  deps: ArchiveDeps,
  actor: Actor,
  act: DisposalAct,
  comment?: string,
): Promise<DisposalAct> {
  if (act.status !== 'drawn-up') return act;
  let doc = await createDocument(
    deps,
    actor,
    'internal',
    {
      summary: 'Saxlanma müddəti başa çatmış sənədlərin məhv edilməsi haqqında akt',
      extraInfo: act.listing,
      ...(comment ? { note: comment } : {}),
      controlled: false,
      confidential: false,
      accessList: [],
    },
    { key: `disposal-act:${act.id}`, requestHash: act.id },
  );
  if (allowedOperations(doc.kind, doc.status).includes('register'))
    doc = await performOperation(deps, actor, doc.id, 'register', { version: doc.version });
  const now = deps.clock.now().toISOString();
  return deps.store.update<DisposalAct>(
    'archive-disposal',
    {
      ...act,
      status: 'approval',
      documentId: doc.id,
      ...(doc.registration ? { number: doc.registration.number } : {}),
      updatedAt: now,
    },
    act.version,
    { actorId: actor.employeeId, sortKey: `${act.cutoff}#${act.id}`, claim: [actDocumentClaim(doc.id)] },
  );
}

/** The agency's disposal acts, newest first. The archive role. */
export async function listDisposalActs(
  deps: ArchiveDeps,
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<DisposalAct>> {
  allow(hasRole(actor, 'archivist'), 'disposal');
  const page = await deps.store.list<DisposalAct>('archive-disposal', actor.tenantId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { ...page, items: [...page.items].reverse() };
}

/** One act (an act left half-drawn-up by a crash is completed on the way). */
export async function getDisposalAct(deps: ArchiveDeps, actor: Actor, id: string): Promise<DisposalAct> {
  allow(hasRole(actor, 'archivist'), 'disposal');
  const act = await deps.store.get<DisposalAct>('archive-disposal', actor.tenantId, id);
  if (!act) throw new NotFoundError('Disposal act not found', { id });
  return act.status === 'drawn-up' ? completeDrawUp(deps, actor, act) : act;
}

/**
 * Cancels an act that has not been executed (its route was rejected, or it is no longer wanted):
 * its document is cancelled where its status allows, and the agency may draw up a new act.
 */
export async function cancelDisposalAct(
  deps: ArchiveDeps,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
): Promise<DisposalAct> {
  allow(hasRole(actor, 'archivist'), 'disposal');
  const act = await getDisposalAct(deps, actor, id);
  if (act.version !== input.version)
    throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
      expected: input.version,
      actual: act.version,
    });
  if (act.status === 'executing' || act.status === 'executed' || act.status === 'cancelled')
    throw new ConflictError('disposal_act_closed', 'The act is executed or cancelled already', {
      status: act.status,
    });
  if (act.documentId) {
    const doc = await deps.documents.get(act.tenantId, act.documentId);
    // Signed is approved: the execution is under way (the table stream runs it).
    if (doc?.status === 'signed' || doc?.status === 'archived')
      throw new ConflictError('disposal_act_closed', 'The act is approved; it is being executed', {
        status: 'executing',
      });
    if (doc && allowedOperations(doc.kind, doc.status).includes('cancel'))
      await performOperation(deps, actor, doc.id, 'cancel', { version: doc.version, comment: input.reason });
  }
  return closeAct(deps, act, actor.employeeId, {
    status: 'cancelled',
    cancelledAt: deps.clock.now().toISOString(),
    cancelReason: input.reason,
  });
}

/** Ends an act (executed or cancelled) and frees the agency's one open act. */
function closeAct(
  deps: ArchiveDeps,
  act: DisposalAct,
  actorId: string,
  change: Partial<DisposalAct>,
): Promise<DisposalAct> {
  return deps.store.update<DisposalAct>(
    'archive-disposal',
    { ...act, ...change, updatedAt: deps.clock.now().toISOString() },
    act.version,
    { actorId, sortKey: `${act.cutoff}#${act.id}`, release: [OPEN_ACT_CLAIM] },
  );
}

/** Deletes one version; a locked one is counted, not deleted. */
async function deleteIfFree(
  deps: ArchiveDeps,
  bucket: 'attachments' | 'archive',
  key: string,
  versionId: string | undefined,
): Promise<'deleted' | 'absent' | 'locked'> {
  if (!versionId) return 'locked';
  try {
    return await objectStore(deps).deleteVersion({ bucket, key, versionId });
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'object_locked') return 'locked';
    throw error;
  }
}

/**
 * Disposes of one listed document: checks again that it may go (a legal hold set since the act
 * was drawn up keeps it), deletes its archive copy, tries its working copies, and records the act
 * on the document (its operations log says so). Gives why it was skipped, or the locked copies.
 */
async function disposeOne(
  deps: ArchiveDeps,
  act: DisposalAct,
  documentId: string,
): Promise<{ skipped?: string; lockedCopies: number }> {
  const doc = await deps.documents.get(act.tenantId, documentId);
  const state = doc?.archive;
  if (!doc || !state) return { skipped: 'not_archived', lockedCopies: 0 };
  if (state.disposal) return { lockedCopies: 0 };
  const now = deps.clock.now().toISOString();
  if (state.permanent) return { skipped: 'permanent', lockedCopies: 0 };
  if (state.legalHold) return { skipped: 'legal_hold', lockedCopies: 0 };
  if (state.retainUntil > now) return { skipped: 'retention_not_over', lockedCopies: 0 };
  for (const o of state.objects) {
    if ((await deleteIfFree(deps, 'archive', o.key, o.versionId)) === 'locked')
      return { skipped: 'object_locked', lockedCopies: 0 };
  }
  // The working copies (contents, signed revisions of the single file) in the attachments bucket:
  // that bucket keeps every version under its own lock, which may outlast the retention period.
  let lockedCopies = 0;
  const working: Array<{ key: string; versionId: string | undefined }> = [
    ...doc.contents
      .filter((c) => c.state === 'stored')
      .map((c) => ({ key: `${doc.tenantId}/documents/${doc.id}/${c.id}`, versionId: c.versionId })),
    ...(doc.signatures ?? []).map((s) => ({ key: s.key, versionId: s.versionId })),
  ];
  // The single file as assembled before its first signature (the revisions above build on it).
  const single = await deps.store.get<SingleFileRecord>(SINGLE_FILE, doc.tenantId, doc.id);
  if (single) working.push({ key: single.key, versionId: single.versionId });
  // The text the search indexer extracted from each file (`search-text/`): a copy of the contents
  // too. The index loses it through the table stream (a disposed document is indexed without it).
  for (const c of doc.contents.filter((c) => c.state === 'stored' && c.sha256)) {
    const key = contentTextKey(doc, c);
    const text = await objectStore(deps).head({ bucket: 'attachments', key });
    if (text) working.push({ key, versionId: text.versionId });
  }
  for (const w of working) {
    if ((await deleteIfFree(deps, 'attachments', w.key, w.versionId)) !== 'locked' || !w.versionId) continue;
    lockedCopies += 1;
    await scheduleSweep(deps, act, doc.id, { key: w.key, versionId: w.versionId });
  }
  const disposal: ArchiveDisposal = {
    actId: act.id,
    actDocumentId: act.documentId!,
    ...(act.number ? { actNumber: act.number } : {}),
    at: now,
  };
  await retryOnStale(5, async () => {
    const current = (await deps.documents.get(doc.tenantId, doc.id))!;
    if (current.archive?.disposal) return;
    await deps.documents.commit({
      document: { ...current, archive: { ...current.archive!, disposal }, updatedAt: now },
      expectedVersion: current.version,
      operation: {
        actorId: 'system',
        action: 'dispose',
        changes: [{ field: 'archive.disposal', after: disposal }],
        comment: act.number ? `Akt № ${act.number}` : `Akt ${act.id}`,
      },
    });
  });
  await markDisposed(deps, doc, disposal);
  return { lockedCopies };
}

/** The holding moves behind every date (the due list never reads it again) and shows the act. */
async function markDisposed(deps: ArchiveDeps, doc: DocumentRecord, disposal: ArchiveDisposal) {
  await retryOnStale(5, async () => {
    const h = await deps.store.get<Holding>('archive-holding', doc.tenantId, doc.id);
    if (!h || h.disposedAt) return;
    await deps.store.update<Holding>(
      'archive-holding',
      { ...h, disposedAt: disposal.at, disposalActId: disposal.actId, updatedAt: disposal.at },
      h.version,
      {
        actorId: 'system',
        parentKey: h.nomenclatureId ?? NO_CASE,
        sortKey: `${DISPOSED_PREFIX}${h.retainUntil}#${h.documentId}`,
      },
    );
  });
}

/**
 * Runs the act whose document was just signed at the end of its route (the table stream calls
 * this for every signed internal document; for any other it reads one claim and returns). Then
 * archives the act's document: an act of disposal is kept permanently.
 */
export async function executeDisposal(
  deps: ArchiveDeps,
  tenantId: string,
  documentId: string,
): Promise<void> {
  const actId = await deps.store.findByUnique(tenantId, actDocumentClaim(documentId));
  if (!actId) return;
  let act = await deps.store.get<DisposalAct>('archive-disposal', tenantId, actId);
  if (!act || act.status === 'cancelled') return;
  const doc = await deps.documents.get(tenantId, documentId);
  if (!doc) return;
  if (act.status === 'approval') {
    if (doc.status !== 'signed') return;
    if ((doc.internal?.extraInfo ?? '') !== act.listing) {
      // The list signed is not the list drawn up: nothing is deleted on a changed act.
      await closeAct(deps, act, 'system', {
        status: 'cancelled',
        cancelledAt: deps.clock.now().toISOString(),
        cancelReason: 'listing_changed',
      });
      return;
    }
    act = await deps.store.update<DisposalAct>(
      'archive-disposal',
      {
        ...act,
        status: 'executing',
        progress: { done: 0, total: act.documentIds.length },
        updatedAt: deps.clock.now().toISOString(),
      },
      act.version,
      { actorId: 'system', sortKey: `${act.cutoff}#${act.id}` },
    );
  }
  if (act.status === 'executing') act = await runAct(deps, act);
  await archiveAct(deps, doc);
}

async function runAct(deps: ArchiveDeps, started: DisposalAct): Promise<DisposalAct> {
  let act = started;
  const skipped: Array<{ documentId: string; reason: string }> = [];
  let disposed = 0;
  let lockedCopies = 0;
  for (const [i, documentId] of act.documentIds.entries()) {
    const outcome = await disposeOne(deps, act, documentId);
    if (outcome.skipped) skipped.push({ documentId, reason: outcome.skipped });
    else disposed += 1;
    lockedCopies += outcome.lockedCopies;
    if ((i + 1) % 20 === 0 && i + 1 < act.documentIds.length) {
      const fresh = await deps.store.get<DisposalAct>('archive-disposal', act.tenantId, act.id);
      if (fresh?.status !== 'executing') return fresh ?? act;
      act = await deps.store.update<DisposalAct>(
        'archive-disposal',
        { ...fresh, progress: { done: i + 1, total: act.documentIds.length } },
        fresh.version,
        { actorId: 'system', sortKey: `${act.cutoff}#${act.id}` },
      );
    }
  }
  const fresh = (await deps.store.get<DisposalAct>('archive-disposal', act.tenantId, act.id)) ?? act;
  if (fresh.status !== 'executing') return fresh;
  const now = deps.clock.now().toISOString();
  return closeAct(deps, fresh, 'system', {
    status: 'executed',
    progress: { done: act.documentIds.length, total: act.documentIds.length },
    result: { disposed, skipped, lockedCopies, executedAt: now },
  });
}

/** The executed act's document goes to the archive (the archive operation, then its copy). */
async function archiveAct(deps: ArchiveDeps, doc: DocumentRecord): Promise<void> {
  const current = await deps.documents.get(doc.tenantId, doc.id);
  if (!current) return;
  if (current.status === 'signed') {
    await retryOnStale(5, async () => {
      const fresh = (await deps.documents.get(doc.tenantId, doc.id))!;
      if (fresh.status !== 'signed') return;
      await deps.documents.commit({
        document: { ...fresh, status: 'archived', updatedAt: deps.clock.now().toISOString() },
        expectedVersion: fresh.version,
        operation: {
          actorId: 'system',
          action: 'archive',
          changes: [{ field: 'status', before: 'signed', after: 'archived' }],
          comment: 'Məhv etmə aktı icra olundu',
        },
      });
    });
  }
  await archiveDocument(deps, doc.tenantId, doc.id);
}

/**
 * A working copy that a disposal could not delete because the attachments bucket's own lock still
 * holds it: the nightly sweep deletes it once that lock ends (sorted by when that is).
 */
export interface SweepItem extends AggregateMeta {
  bucket: 'attachments';
  key: string;
  versionId: string;
  /** When its lock ends (the sweep's sort order). */
  due: string;
  documentId: string;
  actId: string;
  doneAt?: string;
}

const sweepId = (key: string, versionId: string) =>
  createHash('sha256').update(`${key}\n${versionId}`).digest('hex').slice(0, 40);

async function scheduleSweep(
  deps: ArchiveDeps,
  act: DisposalAct,
  documentId: string,
  copy: { key: string; versionId: string },
): Promise<void> {
  const lock = await objectStore(deps).lockState({ bucket: 'attachments', ...copy });
  const now = deps.clock.now().toISOString();
  const due = lock?.retainUntil && lock.retainUntil > now ? lock.retainUntil : now;
  const item: SweepItem = {
    id: sweepId(copy.key, copy.versionId),
    tenantId: act.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    bucket: 'attachments',
    ...copy,
    due,
    documentId,
    actId: act.id,
  };
  try {
    await deps.store.create<SweepItem>('archive-sweep', item, {
      actorId: 'system',
      sortKey: `${due}#${item.id}`,
    });
  } catch (error) {
    // Scheduled by an earlier run of the same act.
    if (!(error instanceof ConflictError)) throw error;
  }
}

/**
 * Deletes the working copies of disposed documents whose lock has ended (the nightly integrity
 * check runs it). Reads only what is due: the items sort by the end of their lock, done ones last.
 * Gives how many were deleted now.
 */
export async function sweepDisposedCopies(deps: ArchiveDeps, tenantId: string): Promise<number> {
  const now = deps.clock.now().toISOString();
  let swept = 0;
  let cursor: string | undefined;
  const due: SweepItem[] = [];
  do {
    const page = await deps.store.list<SweepItem>('archive-sweep', tenantId, {
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const open = page.items.filter((i) => !i.doneAt && i.due <= now);
    due.push(...open);
    cursor = open.length === page.items.length ? page.nextCursor : undefined;
  } while (cursor);
  for (const item of due) {
    const outcome = await deleteIfFree(deps, item.bucket, item.key, item.versionId);
    const lock =
      outcome === 'locked'
        ? await objectStore(deps).lockState({ bucket: item.bucket, key: item.key })
        : undefined;
    const next: SweepItem =
      outcome === 'locked'
        ? {
            ...item,
            due: lock?.retainUntil && lock.retainUntil > now ? lock.retainUntil : item.due,
            updatedAt: now,
          }
        : { ...item, doneAt: now, updatedAt: now };
    if (outcome !== 'locked') swept += 1;
    await deps.store.update<SweepItem>('archive-sweep', next, item.version, {
      actorId: 'system',
      sortKey: next.doneAt ? `${DISPOSED_PREFIX}${next.due}#${item.id}` : `${next.due}#${item.id}`,
    });
  }
  return swept;
}
