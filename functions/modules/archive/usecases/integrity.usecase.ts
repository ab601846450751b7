import { allPages } from '../../../platform/kernel/aggregate';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor, AggregateMeta, Page } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import { allow, bakuLocalDate, GENESIS, hasRole, type ChainLog, type DocumentRecord } from '../../documents';
import { PERMANENT_YEARS } from '../domain/retention';
import {
  chainMismatches,
  checkDocumentChain,
  checkJournalChain,
  dayRoot,
  type ChainMismatch,
} from './chain.usecase';
import { ARCHIVE_PARTITION, previousDay, type ArchiveTenant, type Holding } from './holdings.usecase';
import type { ArchiveDeps } from './deps';
import { upsert } from './upsert';
import { sweepDisposedCopies } from './disposal.usecase';
import { hashArchived, hashProblem, objectStore, readArchived } from './read';
import { INTEGRITY_MACHINE, nextDay } from './schedule.usecase';

/**
 * Tamper evidence (Decree 935 §152, §153.1, §153.8). Each Baku day's entries of the operations logs
 * and of the registration journals get a Merkle root (RFC 6962), written to the archive bucket
 * under Object Lock (kept like a "daimi" item); the integrity check re-hashes every archived
 * object, every archived document's log chain, the journal chains and every sealed day's root, and
 * reports what does not match to the archive role. The `archive-integrity` machine runs it every
 * night per agency (02:00 Baku), and the archive page runs it on demand.
 */
const LOGS: ChainLog[] = ['operations', 'journals'];
const MAX_LISTED = 100;

export interface DayRootRecord extends AggregateMeta {
  day: string;
  log: ChainLog;
  size: number;
  root: string;
  key: string;
  versionId?: string;
  /** SHA-256 (hex) of the root object's bytes. */
  sha256: string;
  sealedAt: string;
}

export interface IntegrityMismatch {
  kind: 'object' | 'retention' | 'chain' | 'root';
  key: string;
  documentId?: string;
  detail: string;
}

export interface IntegrityReport extends AggregateMeta {
  trigger: 'schedule' | 'manual';
  status: 'running' | 'ok' | 'mismatch';
  startedAt: string;
  finishedAt?: string;
  requestedBy?: string;
  checkedObjects: number;
  checkedEntries: number;
  checkedDays: number;
  mismatchCount: number;
  mismatches: IntegrityMismatch[];
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Newest first in the store's ascending order. */
const newestFirst = (at: string) => String(9_999_999_999_999 - Date.parse(at)).padStart(13, '0');

/** Seals one day of one log: its Merkle root, written once to the archive bucket and recorded. */
export async function sealDay(
  deps: ArchiveDeps,
  tenantId: string,
  day: string,
  log: ChainLog,
): Promise<DayRootRecord> {
  const id = `${log}:${day}`;
  const existing = await deps.store.get<DayRootRecord>('archive-root', tenantId, id);
  if (existing) return existing;
  const { root, size } = await dayRoot(deps, tenantId, day, log);
  const now = deps.clock.now().toISOString();
  const body = Buffer.from(
    JSON.stringify(
      {
        format: 'karguzar-day-root/1',
        tenantId,
        log,
        day,
        size,
        root,
        algorithm: 'RFC6962-SHA256',
        sealedAt: now,
      },
      null,
      2,
    ),
    'utf8',
  );
  const key = `${tenantId}/archive/roots/${log}/${day}.json`;
  const retainUntil = new Date(`${Number(day.slice(0, 4)) + PERMANENT_YEARS + 1}-01-01T00:00:00+04:00`);
  let written: { versionId?: string; sha256: string };
  try {
    const out = await objectStore(deps).put({
      bucket: 'archive',
      key,
      body,
      contentType: 'application/json',
      retainUntil,
      legalHold: true,
    });
    written = { ...(out.versionId ? { versionId: out.versionId } : {}), sha256: sha256Hex(body) };
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'object_exists')) throw error;
    // An earlier attempt wrote it and died before recording it: that object is the day's root.
    const head = await objectStore(deps).head({ bucket: 'archive', key });
    const bytes = await readArchived(deps, {
      key,
      ...(head?.versionId ? { versionId: head.versionId } : {}),
    });
    if (!bytes) throw error;
    const stored = JSON.parse(Buffer.from(bytes).toString('utf8')) as { root: string; size: number };
    const record = await saveRoot(deps, tenantId, id, {
      day,
      log,
      size: stored.size,
      root: stored.root,
      key,
      ...(head?.versionId ? { versionId: head.versionId } : {}),
      sha256: sha256Hex(bytes),
      sealedAt: now,
    });
    return record;
  }
  return saveRoot(deps, tenantId, id, { day, log, size, root, key, ...written, sealedAt: now });
}

async function saveRoot(
  deps: ArchiveDeps,
  tenantId: string,
  id: string,
  data: Omit<DayRootRecord, keyof AggregateMeta>,
): Promise<DayRootRecord> {
  const now = deps.clock.now().toISOString();
  const record: DayRootRecord = { id, tenantId, version: 1, createdAt: now, updatedAt: now, ...data };
  try {
    return (
      await deps.store.create('archive-root', record, {
        actorId: 'system',
        parentKey: data.log,
        sortKey: data.day,
      })
    ).item;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return (await deps.store.get<DayRootRecord>('archive-root', tenantId, id)) ?? record;
  }
}

/** Seals every day of the tenant that ended since the last sealed one (up to yesterday, Baku). */
export async function sealPendingDays(deps: ArchiveDeps, tenantId: string): Promise<number> {
  const marker = await deps.store.get<ArchiveTenant>('archive-tenant', ARCHIVE_PARTITION, tenantId);
  if (!marker) return 0;
  const yesterday = previousDay(bakuLocalDate(deps.clock.now().toISOString()));
  let day = marker.sealedThrough;
  let sealed = 0;
  while (day < yesterday) {
    day = nextDay(day);
    for (const log of LOGS) await sealDay(deps, tenantId, day, log);
    sealed += 1;
  }
  if (sealed > 0) {
    const current = await deps.store.get<ArchiveTenant>('archive-tenant', ARCHIVE_PARTITION, tenantId);
    if (current && current.sealedThrough < day) {
      await deps.store
        .update(
          'archive-tenant',
          { ...current, sealedThrough: day, updatedAt: deps.clock.now().toISOString() },
          current.version,
          {
            actorId: 'system',
            sortKey: tenantId,
          },
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConflictError)) throw error;
        });
    }
  }
  return sealed;
}

/** Re-hashes one archived document's objects and checks their lock, and its log chain. */
async function checkHolding(
  deps: ArchiveDeps,
  doc: DocumentRecord,
): Promise<{ objects: number; entries: number; mismatches: IntegrityMismatch[] }> {
  const out: IntegrityMismatch[] = [];
  const state = doc.archive;
  if (!state) return { objects: 0, entries: 0, mismatches: [] };
  // Destroyed under a disposal act: the objects are gone by design, the chains are still checked.
  for (const o of state.disposal ? [] : state.objects) {
    const hash = await hashArchived(deps, {
      key: o.key,
      ...(o.versionId ? { versionId: o.versionId } : {}),
    });
    if (hash !== o.sha256) {
      out.push({
        kind: 'object',
        key: o.key,
        documentId: doc.id,
        detail: hashProblem(hash),
      });
      continue;
    }
    const lock = await objectStore(deps).lockState({
      bucket: 'archive',
      key: o.key,
      ...(o.versionId ? { versionId: o.versionId } : {}),
    });
    if (!lock?.retainUntil || lock.retainUntil < state.retainUntil || lock.legalHold !== state.legalHold) {
      out.push({
        kind: 'retention',
        key: o.key,
        documentId: doc.id,
        detail: `retain-until ${lock?.retainUntil ?? 'none'}, legal hold ${lock?.legalHold ?? 'none'}`,
      });
    }
  }
  const chain = await checkDocumentChain(deps, doc.tenantId, doc.id);
  for (const m of chain.mismatches) out.push(chainMismatch(m));
  // Its entry in the registration journal, and the link to the entry before it.
  let entries = chain.entries.length;
  const reg = doc.registration;
  if (reg) {
    const page = await deps.documents.journalChain(doc.tenantId, reg.journalId, reg.year, {
      fromSeq: Math.max(1, reg.seq - 1),
      limit: 2,
    });
    const own = page.items.find((e) => e.link.seq === reg.seq);
    const before = page.items.find((e) => e.link.seq === reg.seq - 1);
    if (own?.chained) {
      entries += 1;
      const mismatches = chainMismatches('journals', [own], {
        prevHash: before?.hash ?? (reg.seq === 1 ? GENESIS : own.link.prevHash),
      });
      if (own.link.documentId !== doc.id || own.link.number !== reg.number)
        mismatches.push({ log: 'journals', key: own.key, problem: 'hash', seq: reg.seq, documentId: doc.id });
      for (const m of mismatches) out.push(chainMismatch({ ...m, documentId: doc.id }));
    }
  }
  return { objects: state.disposal ? 0 : state.objects.length, entries, mismatches: out };
}

const chainMismatch = (m: ChainMismatch): IntegrityMismatch => ({
  kind: 'chain',
  key: m.key,
  ...(m.documentId ? { documentId: m.documentId } : {}),
  detail: `${m.log} entry ${m.seq ?? ''}: ${m.problem === 'hash' ? 'its hash does not match its content' : 'its link to the entry before does not match'}`,
});

/**
 * The integrity check of one agency: seals the days that ended, then re-hashes archived objects,
 * archived documents' log chains, the journal chains seen in sealed days, and every sealed day's
 * root (recomputed from the entries, and its object in the archive). Writes the report (the same
 * `reportId` is overwritten by a retried run) and alerts the archive role on a mismatch.
 */
export async function runIntegrityCheck(
  deps: ArchiveDeps,
  input: { tenantId: string; reportId: string; trigger: 'schedule' | 'manual'; requestedBy?: string },
): Promise<IntegrityReport> {
  const startedAt = deps.clock.now().toISOString();
  await sealPendingDays(deps, input.tenantId);
  // Working copies of disposed documents whose own lock has ended go now.
  await sweepDisposedCopies(deps, input.tenantId);
  const mismatches: IntegrityMismatch[] = [];
  let checkedObjects = 0;
  let checkedEntries = 0;

  const holdings = await allPages((page) =>
    deps.store.list<Holding>('archive-holding', input.tenantId, page),
  );
  for (const h of holdings) {
    const doc = await deps.documents.get(input.tenantId, h.documentId);
    if (!doc?.archive) {
      mismatches.push({
        kind: 'object',
        key: h.documentId,
        documentId: h.documentId,
        detail: 'archive state missing',
      });
      continue;
    }
    const r = await checkHolding(deps, doc);
    checkedObjects += r.objects;
    checkedEntries += r.entries;
    mismatches.push(...r.mismatches);
  }

  const roots = await allPages((page) =>
    deps.store.list<DayRootRecord>('archive-root', input.tenantId, page),
  );
  const journals = new Map<string, { journalId: string; year: number }>();
  for (const r of roots) {
    const now = await dayRoot(deps, input.tenantId, r.day, r.log);
    checkedEntries += now.size;
    mismatches.push(...now.selfMismatches.map(chainMismatch));
    if (now.root !== r.root || now.size !== r.size)
      mismatches.push({
        kind: 'root',
        key: r.key,
        detail: `${r.log} ${r.day}: root ${now.root} (${now.size} entries), sealed ${r.root} (${r.size})`,
      });
    const hash = await hashArchived(deps, {
      key: r.key,
      ...(r.versionId ? { versionId: r.versionId } : {}),
    });
    if (hash !== r.sha256) mismatches.push({ kind: 'object', key: r.key, detail: hashProblem(hash) });
    checkedObjects += 1;
    for (const l of now.leaves)
      if ('journalId' in l.link)
        journals.set(`${l.link.journalId}:${l.link.year}`, {
          journalId: l.link.journalId,
          year: l.link.year,
        });
  }
  for (const j of journals.values()) {
    const r = await checkJournalChain(deps, input.tenantId, j.journalId, j.year);
    mismatches.push(...r.mismatches.filter((m) => m.problem === 'link').map(chainMismatch));
  }

  const unique = [...new Map(mismatches.map((m) => [`${m.kind}:${m.key}:${m.detail}`, m])).values()];
  const finishedAt = deps.clock.now().toISOString();
  const report: IntegrityReport = {
    id: input.reportId,
    tenantId: input.tenantId,
    version: 1,
    createdAt: startedAt,
    updatedAt: finishedAt,
    trigger: input.trigger,
    status: unique.length ? 'mismatch' : 'ok',
    startedAt,
    finishedAt,
    ...(input.requestedBy ? { requestedBy: input.requestedBy } : {}),
    checkedObjects,
    checkedEntries,
    checkedDays: roots.length,
    mismatchCount: unique.length,
    mismatches: unique.slice(0, MAX_LISTED),
  };
  const saved = await saveReport(deps, report);
  if (unique.length > 0) {
    deps.log?.error('archive_integrity', {
      tenantId: input.tenantId,
      reportId: input.reportId,
      mismatches: unique.length,
    });
    await deps.archiveAlerts?.integrityProblem({
      tenantId: input.tenantId,
      summary: `${unique.length}`,
      ...(unique[0]?.documentId ? { documentId: unique[0].documentId } : {}),
      key: `archive-integrity:${input.reportId}`,
    });
  }
  return saved;
}

async function saveReport(deps: ArchiveDeps, report: IntegrityReport): Promise<IntegrityReport> {
  const actorId = report.requestedBy ?? 'system';
  const saved = await upsert<IntegrityReport>(deps, 'archive-report', report, (current) => {
    // A retried run (or the requested check filling its report in) keeps the report's start.
    const startedAt = current?.startedAt ?? report.startedAt;
    return {
      item: { ...report, createdAt: current?.createdAt ?? report.createdAt, startedAt },
      options: { actorId, sortKey: newestFirst(startedAt) },
    };
  });
  return saved!;
}

/** The integrity reports, newest first. The archive role. */
export async function listReports(
  deps: ArchiveDeps,
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<IntegrityReport>> {
  allow(hasRole(actor, 'archivist'), 'the archive');
  return deps.store.list<IntegrityReport>('archive-report', actor.tenantId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
}

/**
 * "Run a check now": a report in state running, and an execution of the integrity machine that
 * fills it in (its name is the report id: a retried start does not run it twice).
 */
export async function requestCheck(deps: ArchiveDeps, actor: Actor): Promise<IntegrityReport> {
  allow(hasRole(actor, 'archivist'), 'the archive');
  const now = deps.clock.now().toISOString();
  const report: IntegrityReport = {
    id: randomUUID(),
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    trigger: 'manual',
    status: 'running',
    startedAt: now,
    requestedBy: actor.employeeId,
    checkedObjects: 0,
    checkedEntries: 0,
    checkedDays: 0,
    mismatchCount: 0,
    mismatches: [],
  };
  const saved = (
    await deps.store.create('archive-report', report, {
      actorId: actor.employeeId,
      sortKey: newestFirst(now),
    })
  ).item;
  if (deps.workflow) {
    await deps.workflow.start({
      machine: INTEGRITY_MACHINE,
      name: `check-${saved.id}`,
      input: { tenantId: actor.tenantId, once: true, reportId: saved.id, requestedBy: actor.employeeId },
    });
  } else {
    return runIntegrityCheck(deps, {
      tenantId: actor.tenantId,
      reportId: saved.id,
      trigger: 'manual',
      requestedBy: actor.employeeId,
    });
  }
  return saved;
}
