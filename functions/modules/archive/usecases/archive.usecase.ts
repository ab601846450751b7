import { createHash } from 'node:crypto';
import { ConflictError } from '../../../platform/kernel/errors';
import type { ReferenceItem } from '../../reference';
import {
  bakuLocalDate,
  readContents,
  retryOnStale,
  type ArchivedObject,
  type ArchiveState,
  type DocumentRecord,
} from '../../documents';
import { readServedFile } from '../../signatures';
import { actDocumentClaim } from '../domain/disposal';
import { retentionOf } from '../domain/retention';
import { provenanceOf } from './provenance';
import { documentChain, type ChainedEntry } from './chain.usecase';
import { ensureArchiveTenant, recordHolding } from './holdings.usecase';
import type { ArchiveDeps } from './deps';
import { objectStore } from './read';
import type { Actor } from '../../../platform/kernel/aggregate';

/**
 * Writing an archived document's copy to the archive bucket (Decree 935 §153): its single file as
 * it is now (signed or not), its original files, its operations log up to the archive operation,
 * and a manifest with the provenance metadata of §153.5 and every object's version and SHA-256 —
 * all under S3 Object Lock COMPLIANCE until the end of the case file's retention period, "daimi"
 * items with a legal hold on top. Then the archive state is recorded on the document.
 *
 * Crash-safe and idempotent: the table stream (and the operation's own request, right after its
 * transaction) calls this for every archived document without an archive state; the keys are fixed
 * per document and each put is conditional (`If-None-Match: *`), so a retry finds what an earlier
 * attempt wrote and takes it over instead of writing a second copy.
 */

/** Records managers' default when a document was archived without a case file (docs/decisions.md). */
export const DEFAULT_RETENTION_YEARS = 10;

/** The archive copy is the system's work: it reads the file whoever archived the document. */
const systemOf = (tenantId: string): Actor => ({
  tenantId,
  employeeId: 'system',
  username: 'system',
  roles: new Set(),
});

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const prefixOf = (doc: Pick<DocumentRecord, 'tenantId' | 'id'>) =>
  `${doc.tenantId}/archive/documents/${doc.id}`;

/** Whether the document waits for its archive copy (archived, no copy recorded yet). */
export const awaitsArchiveCopy = (doc: Pick<DocumentRecord, 'status' | 'archive'>): boolean =>
  doc.status === 'archived' && !doc.archive;

/** Puts an object once: an object already at the key (an earlier attempt) is taken as it is. */
async function putOnce(
  deps: ArchiveDeps,
  input: {
    key: string;
    body: Uint8Array;
    contentType: string;
    retainUntil: Date;
    legalHold: boolean;
  },
): Promise<{ versionId?: string; sha256: string; size: number }> {
  try {
    const out = await objectStore(deps).put({ bucket: 'archive', ...input });
    return {
      ...(out.versionId ? { versionId: out.versionId } : {}),
      sha256: sha256Hex(input.body),
      size: input.body.byteLength,
    };
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'object_exists')) throw error;
    // Written by an earlier attempt that died before recording it: that object is the copy.
    const head = await objectStore(deps).head({ bucket: 'archive', key: input.key });
    const bytes = await objectStore(deps).get({
      bucket: 'archive',
      key: input.key,
      ...(head?.versionId ? { versionId: head.versionId } : {}),
    });
    if (!bytes) throw error;
    return {
      ...(head?.versionId ? { versionId: head.versionId } : {}),
      sha256: sha256Hex(bytes),
      size: bytes.byteLength,
    };
  }
}

/** The operations log as archived: every entry up to (and including) the archive operation. */
function logUntilArchived(entries: ChainedEntry[]): ChainedEntry[] {
  const archivedAt = entries.find((e) => e.action === 'archive')?.at;
  return archivedAt ? entries.filter((e) => e.at <= archivedAt) : entries;
}

/** Writes the archive copy of one archived document; does nothing when it is recorded already. */
export async function archiveDocument(
  deps: ArchiveDeps,
  tenantId: string,
  documentId: string,
): Promise<ArchiveState | undefined> {
  const doc = await deps.documents.get(tenantId, documentId);
  if (!doc || doc.status !== 'archived') return undefined;
  if (doc.archive) {
    // Recorded by an attempt that may have died before the archive page's row was written.
    await recordHolding(deps, doc, doc.archive);
    return doc.archive;
  }
  await ensureArchiveTenant(deps, tenantId);

  const log = logUntilArchived(await documentChain(deps, tenantId, documentId));
  const archivedAt = log.find((e) => e.action === 'archive')?.at ?? doc.updatedAt;
  const nomenclature = doc.nomenclatureId
    ? await deps.store.get<ReferenceItem>('ref:nomenclature', tenantId, doc.nomenclatureId)
    : undefined;
  // An act of disposal is kept permanently: it is the record of what was destroyed.
  const act = await deps.store.findByUnique(tenantId, actDocumentClaim(documentId));
  const years = act
    ? null
    : nomenclature && nomenclature.list === 'nomenclature'
      ? nomenclature.retentionYears
      : DEFAULT_RETENTION_YEARS;
  const retention = retentionOf(Number(bakuLocalDate(archivedAt).slice(0, 4)), years);
  const lock = { retainUntil: new Date(retention.retainUntil), legalHold: retention.permanent };
  const prefix = prefixOf(doc);
  const written: ArchivedObject[] = [];

  // The file as it stands: its newest signed revision, or the unsigned single file.
  const single = await readServedFile(deps, systemOf(doc.tenantId), doc);
  written.push({
    role: 'single-file',
    key: `${prefix}/single-file.pdf`,
    contentType: 'application/pdf',
    ...(await putOnce(deps, {
      key: `${prefix}/single-file.pdf`,
      body: single.bytes,
      contentType: 'application/pdf',
      ...lock,
    })),
  });
  const stored = doc.contents.filter((c) => c.state === 'stored');
  const files = await readContents(deps, doc);
  for (const [i, item] of stored.entries()) {
    const key = `${prefix}/contents/${item.id}`;
    written.push({
      role: 'content',
      key,
      contentType: item.contentType,
      contentId: item.id,
      fileName: item.fileName,
      ...(await putOnce(deps, { key, body: files[i]!.content, contentType: item.contentType, ...lock })),
    });
  }
  const logBytes = Buffer.from(JSON.stringify({ documentId: doc.id, entries: log }, null, 2), 'utf8');
  written.push({
    role: 'operations',
    key: `${prefix}/operations.json`,
    contentType: 'application/json',
    ...(await putOnce(deps, {
      key: `${prefix}/operations.json`,
      body: logBytes,
      contentType: 'application/json',
      ...lock,
    })),
  });
  const manifest = {
    format: 'karguzar-archive/1',
    document: {
      id: doc.id,
      tenantId: doc.tenantId,
      kind: doc.kind,
      summary: doc.summary,
      ...(doc.registration ? { registration: doc.registration } : {}),
      ...(nomenclature && nomenclature.list === 'nomenclature'
        ? { nomenclature: { id: nomenclature.id, index: nomenclature.index, name: nomenclature.name } }
        : {}),
    },
    provenance: await provenanceOf(deps, doc),
    archivedAt,
    retention,
    singleFile: { sha256: single.record.sha256, frozenAt: single.record.frozenAt ?? null },
    operationsHead: log.at(-1)?.hash ?? null,
    objects: written,
  };
  const manifestKey = `${prefix}/manifest.json`;
  written.push({
    role: 'manifest',
    key: manifestKey,
    contentType: 'application/json',
    ...(await putOnce(deps, {
      key: manifestKey,
      body: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'),
      contentType: 'application/json',
      ...lock,
    })),
  });

  const state: ArchiveState = {
    archivedAt,
    ...(doc.nomenclatureId ? { nomenclatureId: doc.nomenclatureId } : {}),
    retentionYears: years,
    retainUntil: retention.retainUntil,
    retainedThrough: retention.retainedThrough,
    permanent: retention.permanent,
    legalHold: retention.permanent,
    objects: written,
  };
  return recordArchiveState(deps, doc, state);
}

/** Records the copy on the document (once: a document that has it already keeps what it has). */
async function recordArchiveState(
  deps: ArchiveDeps,
  doc: DocumentRecord,
  state: ArchiveState,
): Promise<ArchiveState> {
  return retryOnStale(5, async () => {
    const current = (await deps.documents.get(doc.tenantId, doc.id)) ?? doc;
    if (current.archive) {
      await recordHolding(deps, current, current.archive);
      return current.archive;
    }
    const now = deps.clock.now().toISOString();
    const manifest = state.objects.find((o) => o.role === 'manifest');
    await deps.documents.commit({
      document: { ...current, archive: state, updatedAt: now },
      expectedVersion: current.version,
      operation: {
        actorId: 'system',
        action: 'archive-copy',
        changes: [
          {
            field: 'archive',
            after: {
              retainUntil: state.retainUntil,
              legalHold: state.legalHold,
              objects: state.objects.length,
              manifestSha256: manifest?.sha256,
            },
          },
        ],
      },
    });
    await recordHolding(deps, current, state);
    return state;
  });
}
