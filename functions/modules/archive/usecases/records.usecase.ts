import type { Actor, AggregateMeta } from '../../../platform/kernel/aggregate';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import {
  allow,
  allowedOperations,
  assertVersion,
  bakuLocalDate,
  eachDocument,
  entryBytes,
  hasRole,
  performOperation,
  refuseDisposed,
  visibleDocument,
  type ArchivedObject,
  type DocumentRecord,
} from '../../documents';
import type { ReferenceItem } from '../../reference';
import { inclusionProof, leafHash, merkleRoot, verifyInclusion } from '../domain/merkle';
import { archiveDocument } from './archive.usecase';
import { caseFileDocuments } from './case-documents';
import { checkDocumentChain, dayLeaves } from './chain.usecase';
import { recordHolding } from './holdings.usecase';
import type { DayRootRecord } from './integrity.usecase';
import type { ArchiveDeps } from './deps';
import { hashArchived, objectStore } from './read';

const DOWNLOAD_SECONDS = 5 * 60;

/** An archived document the caller may see (the archive role sees every one that is not confidential). */
async function archivedDocument(deps: ArchiveDeps, actor: Actor, id: string): Promise<DocumentRecord> {
  const doc = await visibleDocument(deps, actor, id);
  if (!doc.archive) {
    throw new ConflictError('not_archived', 'The document has no copy in the archive yet', {
      documentId: doc.id,
      status: doc.status,
    });
  }
  refuseDisposed(doc);
  return doc;
}

/**
 * Sets or releases the legal hold of an archived document's objects (S3 Object Lock legal hold):
 * the archive role only, with the version of the document the caller saw and a reason; logged in
 * the document's operations log.
 */
export async function setLegalHold(
  deps: ArchiveDeps,
  actor: Actor,
  id: string,
  input: { on: boolean; version: number; reason: string },
): Promise<DocumentRecord> {
  allow(hasRole(actor, 'archivist'), 'legal hold');
  const doc = await archivedDocument(deps, actor, id);
  assertVersion(doc, input.version);
  const state = doc.archive!;
  for (const o of state.objects) {
    await objectStore(deps).setLegalHold({
      bucket: 'archive',
      key: o.key,
      ...(o.versionId ? { versionId: o.versionId } : {}),
      on: input.on,
    });
  }
  const now = deps.clock.now().toISOString();
  const result = await deps.documents.commit({
    document: { ...doc, archive: { ...state, legalHold: input.on }, updatedAt: now },
    expectedVersion: input.version,
    operation: {
      actorId: actor.employeeId,
      action: input.on ? 'legal-hold-set' : 'legal-hold-released',
      changes: [{ field: 'archive.legalHold', before: state.legalHold, after: input.on }],
      comment: input.reason,
    },
  });
  await recordHolding(deps, result.document, result.document.archive!);
  return result.document;
}

/** A case file of the nomenclature closed for a year: when, by whom, what it archived. */
export interface CaseClosure extends AggregateMeta {
  nomenclatureId: string;
  year: number;
  closedAt: string;
  closedBy: string;
  archived: number;
  comment?: string;
}

/**
 * Closes a case file of the nomenclature (Decree 935: a case file is closed at the end of its
 * year and passes to the archive): every document of the case file registered in that year whose
 * status allows archiving is archived (the archive operation, one transaction each), and their
 * copies are written to the archive. Registry office or archive role.
 */
export async function closeCaseFile(
  deps: ArchiveDeps,
  actor: Actor,
  input: { nomenclatureId: string; year: number; comment?: string },
) {
  allow(hasRole(actor, 'archivist', 'clerk'), 'close a case file');
  const item = await deps.store.get<ReferenceItem>('ref:nomenclature', actor.tenantId, input.nomenclatureId);
  if (!item || item.list !== 'nomenclature') {
    throw new BusinessRuleError('unknown_reference', 'Unknown case file', {}, [
      { path: 'nomenclatureId', code: 'unknown_reference' },
    ]);
  }
  const thisYear = Number(bakuLocalDate(deps.clock.now().toISOString()).slice(0, 4));
  if (input.year > thisYear) {
    throw new BusinessRuleError('case_year_not_over', 'A case file of a later year cannot be closed', {}, [
      { path: 'year', code: 'case_year_not_over' },
    ]);
  }
  const found = await caseFileDocuments(deps, actor, input, (d) =>
    allowedOperations(d.kind, d.status).includes('archive') ? { id: d.id, version: d.version } : undefined,
  );
  const results = await eachDocument(found, (d) =>
    performOperation(deps, actor, d.id, 'archive', {
      version: d.version,
      ...(input.comment ? { comment: input.comment } : {}),
    }),
  );
  // The copies: right away (the table stream makes them certain if this process dies first).
  for (const r of results) if (r.ok) await archiveAfterOperation(deps, actor.tenantId, r.id);
  const now = deps.clock.now().toISOString();
  const closure: CaseClosure = {
    id: `${input.nomenclatureId}:${input.year}`,
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    nomenclatureId: input.nomenclatureId,
    year: input.year,
    closedAt: now,
    closedBy: actor.employeeId,
    archived: results.filter((r) => r.ok).length,
    ...(input.comment ? { comment: input.comment } : {}),
  };
  const existing = await deps.store.get<CaseClosure>('archive-case', actor.tenantId, closure.id);
  const options = { actorId: actor.employeeId, parentKey: input.nomenclatureId, sortKey: String(input.year) };
  const saved = existing
    ? await deps.store.update(
        'archive-case',
        { ...closure, createdAt: existing.createdAt, archived: existing.archived + closure.archived },
        existing.version,
        options,
      )
    : (await deps.store.create('archive-case', closure, options)).item;
  return { closure: saved, results };
}

/**
 * The archive copy of a document just archived, written in the request (best effort: the table
 * stream's consumer writes it if this fails or the process dies).
 */
export async function archiveAfterOperation(deps: ArchiveDeps, tenantId: string, id: string): Promise<void> {
  try {
    await archiveDocument(deps, tenantId, id);
  } catch (error) {
    deps.log?.error('archive_copy_deferred', { tenantId, documentId: id, error: (error as Error).message });
  }
}

/**
 * Reads an archived object of a document from the archive bucket, checking its SHA-256: a
 * mismatch (or a missing object) is a 409 problem, logged, and the archive role and admins are
 * alerted. Gives a short-lived download link to the verified version.
 */
export async function readArchivedObject(
  deps: ArchiveDeps,
  actor: Actor,
  id: string,
  select: { role: ArchivedObject['role']; contentId?: string },
) {
  const doc = await archivedDocument(deps, actor, id);
  const object = doc.archive!.objects.find(
    (o) => o.role === select.role && (select.contentId === undefined || o.contentId === select.contentId),
  );
  if (!object) throw new NotFoundError('archived object not found');
  const version = object.versionId ? { versionId: object.versionId } : {};
  const hash = await hashArchived(deps, { key: object.key, ...version });
  if (hash !== object.sha256) {
    const problem = hash === undefined ? 'missing' : 'damaged';
    deps.log?.error('archive_integrity', {
      tenantId: doc.tenantId,
      documentId: doc.id,
      key: object.key,
      problem,
    });
    await deps.archiveAlerts?.integrityProblem({
      tenantId: doc.tenantId,
      summary: doc.registration?.number ?? doc.id,
      documentId: doc.id,
      key: `archive-read:${doc.id}:${object.key}:${problem}`,
    });
    throw new ConflictError(
      problem === 'missing' ? 'content_missing' : 'content_damaged',
      problem === 'missing' ? 'The archived file is missing' : 'The archived file does not match its SHA-256',
      { key: object.key },
    );
  }
  const url = await objectStore(deps).presignDownload({
    bucket: 'archive',
    key: object.key,
    ...version,
    fileName: object.fileName ?? object.key.split('/').at(-1)!,
    inline: false,
    expiresInSeconds: DOWNLOAD_SECONDS,
  });
  return {
    role: object.role,
    sha256: object.sha256,
    size: object.size,
    url,
    expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_SECONDS * 1000).toISOString(),
  };
}

/**
 * The proof for one archived document: its operations-log chain (each entry's hash recomputed and
 * its link checked), each entry's inclusion proof in its day's sealed Merkle root (RFC 6962 audit
 * path, verified), and the archived objects' hashes as stored now.
 */
export async function verifyDocument(deps: ArchiveDeps, actor: Actor, id: string) {
  const doc = await visibleDocument(deps, actor, id);
  const chain = await checkDocumentChain(deps, doc.tenantId, doc.id);
  const bad = new Map(chain.mismatches.map((m) => [m.key, m.problem]));
  const days = new Map<string, DayRootRecord | undefined>();
  const leavesOf = new Map<string, Awaited<ReturnType<typeof dayLeaves>>>();
  const entries = [];
  for (const e of chain.entries.filter((x) => x.chained)) {
    const day = bakuLocalDate(e.at);
    if (!days.has(day))
      days.set(day, await deps.store.get<DayRootRecord>('archive-root', doc.tenantId, `operations:${day}`));
    const sealed = days.get(day);
    let inclusion:
      { day: string; root: string; size: number; index: number; proof: string[]; valid: boolean } | undefined;
    if (sealed) {
      if (!leavesOf.has(day)) leavesOf.set(day, await dayLeaves(deps, doc.tenantId, day, 'operations'));
      const leaves = leavesOf.get(day)!;
      const index = leaves.findIndex((l) => l.key === e.opId);
      if (index >= 0) {
        const all = leaves.map((l) => l.leaf);
        const proof = inclusionProof(all, index);
        const leaf = leafHash(entryBytes({ ...e, hash: undefined, chained: undefined } as never));
        inclusion = {
          day,
          root: sealed.root,
          size: sealed.size,
          index,
          proof: proof.map((p) => p.toString('hex')),
          valid:
            all.length === sealed.size &&
            merkleRoot(all).toString('hex') === sealed.root &&
            verifyInclusion(leaf, index, sealed.size, proof, Buffer.from(sealed.root, 'hex')),
        };
      }
    }
    entries.push({
      seq: e.seq,
      at: e.at,
      action: e.action,
      actorId: e.actorId,
      prevHash: e.prevHash,
      hash: e.hash ?? '',
      valid: !bad.has(e.opId),
      ...(inclusion ? { inclusion } : {}),
    });
  }
  const archived = [];
  // A disposed document's copy is gone by design: its chain is still proved, no object is read.
  for (const o of doc.archive?.disposal ? [] : (doc.archive?.objects ?? [])) {
    const actual =
      (await hashArchived(deps, {
        key: o.key,
        ...(o.versionId ? { versionId: o.versionId } : {}),
      })) ?? null;
    archived.push({
      role: o.role,
      key: o.key,
      ...(o.versionId ? { versionId: o.versionId } : {}),
      ...(o.fileName ? { fileName: o.fileName } : {}),
      sha256: o.sha256,
      actualSha256: actual,
      valid: actual === o.sha256,
    });
  }
  return {
    documentId: doc.id,
    chainValid: chain.mismatches.length === 0,
    entries,
    objects: archived,
    ...(doc.archive
      ? {
          archive: {
            retainUntil: doc.archive.retainUntil,
            retainedThrough: doc.archive.retainedThrough,
            legalHold: doc.archive.legalHold,
            permanent: doc.archive.permanent,
          },
        }
      : {}),
    valid:
      chain.mismatches.length === 0 &&
      archived.every((o) => o.valid) &&
      entries.every((e) => !e.inclusion || e.inclusion.valid),
  };
}
