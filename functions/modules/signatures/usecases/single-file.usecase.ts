import { putAttachmentOnce } from '../../../platform/ports/object-store.port';
import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import type { Employee, Tenant } from '../../org';
import {
  allow,
  assertVersion,
  formatBakuDate,
  hasRole,
  noteRead,
  checkArchivedContent,
  readContents,
  refuseDisposed,
  servedFrom,
  visibleDocument,
  type DocumentRecord,
  type IntegrityDeps,
} from '../../documents';
import {
  filesOf,
  firstSignature,
  partKindOf,
  SINGLE_FILE,
  type SingleFileRecord,
} from '../domain/single-file';
import { assemble, type FrontMatter, type InputPart } from '../pdf/assemble';

/** Bumped when the layout of the file changes: files built by an older layout become stale. */
const LAYOUT = 1;
const PRODUCER = 'Kargüzar';
const DOWNLOAD_SECONDS = 5 * 60;

export type SingleFileDeps = IntegrityDeps;

export interface SingleFileView {
  sha256: string;
  size: number;
  pageCount: number;
  textPages: number;
  builtAt: string;
  frozenAt?: string;
  parts: SingleFileRecord['parts'];
  /** Electronic signatures on the file: the file served is the revision of the last one. */
  signatures: number;
  url: string;
  expiresAt: string;
}

function objects(deps: SingleFileDeps) {
  if (!deps.objects) throw new Error('Object store not configured');
  return deps.objects;
}

const kindTitles: Record<DocumentRecord['kind'], string> = {
  incoming: 'Daxil olan sənəd',
  outgoing: 'Xaric olan sənəd',
  internal: 'Daxili sənəd',
  order: 'Əmr (sərəncam, qərar)',
};

/** The front pages' content: the agency, the requisites (§145.2), the summary and the text. */
async function frontOf(deps: SingleFileDeps, doc: DocumentRecord): Promise<FrontMatter> {
  const tenant = await deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId);
  const signatoryId = doc.outgoing?.signatoryId ?? doc.internal?.signatoryId ?? doc.order?.signatoryId;
  const ids = [doc.authorId, doc.addresseeId, signatoryId].filter((x): x is string => !!x);
  const people = new Map(
    (await deps.store.getMany<Employee>('employee', doc.tenantId, [...new Set(ids)])).map((e) => [
      e.id,
      e.fullName,
    ]),
  );
  const reg = doc.registration;
  const requisites = [
    { label: 'Qeydiyyat nömrəsi', value: reg?.number ?? 'qeydiyyatdan keçməyib' },
    ...(reg ? [{ label: 'Qeydiyyat tarixi', value: formatBakuDate(reg.at) }] : []),
    { label: 'Sənədin növü', value: kindTitles[doc.kind] },
    ...(doc.documentDate ? [{ label: 'Sənədin tarixi', value: doc.documentDate }] : []),
    ...(doc.documentNumber ? [{ label: 'Göndərənin nömrəsi', value: doc.documentNumber }] : []),
    {
      label: 'Göndərən',
      value: doc.incoming?.sender.name ?? tenant?.name.az ?? people.get(doc.authorId) ?? '',
    },
    ...(doc.outgoing?.recipients.length
      ? [{ label: 'Alan', value: doc.outgoing.recipients.map((r) => r.name).join('; ') }]
      : []),
    ...(doc.addresseeId ? [{ label: 'Ünvanlanan', value: people.get(doc.addresseeId) ?? '' }] : []),
    ...(signatoryId ? [{ label: 'İmzalayan', value: people.get(signatoryId) ?? '' }] : []),
    { label: 'İcraçı (müəllif)', value: people.get(doc.authorId) ?? '' },
  ];
  const text = doc.outgoing?.content ?? doc.internal?.extraInfo ?? doc.note;
  return {
    organization: tenant?.name.az ?? doc.tenantId,
    title: kindTitles[doc.kind],
    requisites,
    summary: doc.summary,
    ...(text ? { text } : {}),
    partsHeading: 'Əlavələr və qoşulmuş fayllar',
  };
}

/** What the file is built from: a change of any of it (and only that) makes a built file stale. */
function fingerprint(front: FrontMatter, doc: DocumentRecord, signedAt?: string): string {
  const files = filesOf(doc, signedAt).map((c) => [c.id, c.sha256, c.fileName, c.contentType]);
  return createHash('sha256')
    .update(JSON.stringify({ layout: LAYOUT, front, files }))
    .digest('hex');
}

export const singleFileKey = (doc: Pick<DocumentRecord, 'tenantId' | 'id'>, sha256: string) =>
  `${doc.tenantId}/documents/${doc.id}/single-file/${sha256}.pdf`;

/** Assembles the file, stores it (content-addressed, write-once) and writes the record. */
async function build(
  deps: SingleFileDeps,
  actor: Actor,
  doc: DocumentRecord,
  current: SingleFileRecord | undefined,
  signedAt: string | undefined,
): Promise<SingleFileRecord> {
  const front = await frontOf(deps, doc);
  const inputs = fingerprint(front, doc, signedAt);
  const files = filesOf(doc, signedAt);
  // Every file is read checked against its SHA-256: a missing or altered one stops the build (409).
  const bodies = await readContents(deps, { ...doc, contents: files });
  const parts: InputPart[] = files.map((c, i) => ({
    id: c.id,
    fileName: c.fileName,
    contentType: c.contentType,
    kind: partKindOf(c.contentType, c.fileName),
    bytes: bodies[i]!.content,
  }));
  const now = deps.clock.now();
  const out = await assemble({
    front,
    parts,
    at: signedAt ? new Date(signedAt) : now,
    producer: PRODUCER,
    describe: (part, pages, sha) =>
      pages > 0
        ? `${part.fileName} — ${pages} səh.`
        : `${part.fileName} (${part.contentType}) — qoşulmuş fayl, SHA-256 ${sha}`,
  });
  const sha256 = createHash('sha256').update(out.bytes).digest('hex');
  const key = singleFileKey(doc, sha256);
  const versionId = await putOnce(deps, key, out.bytes);
  const byId = new Map(out.parts.map((p) => [p.id, p]));
  const record: SingleFileRecord = {
    id: doc.id,
    tenantId: doc.tenantId,
    version: current ? current.version + 1 : 1,
    createdAt: current?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    documentId: doc.id,
    sha256,
    size: out.bytes.length,
    pageCount: out.pageCount,
    textPages: out.textPages,
    key,
    ...(versionId ? { versionId } : {}),
    inputs,
    parts: files.map((c) => ({
      contentId: c.id,
      fileName: c.fileName,
      contentType: c.contentType,
      sha256: c.sha256,
      kind: byId.get(c.id)?.kind ?? 'embedded',
      pages: byId.get(c.id)?.pages ?? 0,
    })),
    builtAt: now.toISOString(),
    builtBy: actor.employeeId,
    ...(signedAt ? { frozenAt: now.toISOString() } : {}),
  };
  return save(deps, actor, record, current);
}

/** The same bytes land on the same key: an existing object there is the file already stored. */
export async function putOnce(
  deps: SingleFileDeps,
  key: string,
  body: Uint8Array,
): Promise<string | undefined> {
  return putAttachmentOnce(objects(deps), key, body, 'application/pdf');
}

async function save(
  deps: SingleFileDeps,
  actor: Actor,
  record: SingleFileRecord,
  current: SingleFileRecord | undefined,
): Promise<SingleFileRecord> {
  const options = { actorId: actor.employeeId, sortKey: record.documentId };
  try {
    const saved = current
      ? await deps.store.update(SINGLE_FILE, record, current.version, options)
      : (await deps.store.create(SINGLE_FILE, record, options)).item;
    await deps.documents.log(record.tenantId, {
      documentId: record.documentId,
      at: record.updatedAt,
      actorId: actor.employeeId,
      action: record.frozenAt ? 'single-file-frozen' : 'single-file-built',
      changes: [{ field: 'singleFile', after: { sha256: record.sha256, pageCount: record.pageCount } }],
    });
    return saved;
  } catch (error) {
    // Someone built it at the same moment: theirs is the file (the same inputs give the same bytes).
    if (error instanceof ConflictError) {
      const stored = await deps.store.get<SingleFileRecord>(SINGLE_FILE, record.tenantId, record.id);
      if (stored) return stored;
    }
    throw error;
  }
}

/**
 * The file as it stands: built when missing or stale while the document is unsigned; once the
 * document is signed, the file of the signed state is frozen (a file built from exactly that state
 * before the signature is kept as it is, with its SHA-256).
 */
async function currentSingleFile(
  deps: SingleFileDeps,
  actor: Actor,
  doc: DocumentRecord,
): Promise<SingleFileRecord> {
  const record = await deps.store.get<SingleFileRecord>(SINGLE_FILE, doc.tenantId, doc.id);
  if (record?.frozenAt) return record;
  // Signed electronically: the file the first signature was made on is the one stored (§142.7).
  if (record && doc.signatures?.length)
    return save(deps, actor, { ...record, frozenAt: doc.signatures[0]!.at }, record);
  const signature = firstSignature(doc);
  const inputs = fingerprint(await frontOf(deps, doc), doc, signature?.at);
  if (record && record.inputs === inputs) {
    if (!signature) return record;
    return save(deps, actor, { ...record, frozenAt: deps.clock.now().toISOString() }, record);
  }
  return build(deps, actor, doc, record, signature?.at);
}

/** The file served: the newest signed revision (earlier revisions stay stored under their SHA-256). */
function servedRevision(
  unsigned: SingleFileRecord,
  signatures: DocumentRecord['signatures'] = [],
): SingleFileRecord {
  const last = signatures.at(-1);
  if (!last) return unsigned;
  return {
    ...unsigned,
    sha256: last.sha256,
    size: last.size,
    key: last.key,
    ...(last.versionId ? { versionId: last.versionId } : {}),
  };
}

async function view(
  deps: SingleFileDeps,
  unsigned: SingleFileRecord,
  fileName: string,
  signatures: DocumentRecord['signatures'] = [],
  archive?: DocumentRecord['archive'],
): Promise<SingleFileView> {
  const record = servedRevision(unsigned, signatures);
  // An archived document's file is served from the archive: its copy there, checked first.
  const archived = archive?.objects.find((o) => o.role === 'single-file' && o.sha256 === record.sha256);
  if (archived) {
    const problem = await checkArchivedContent(deps, archived);
    if (problem)
      throw new ConflictError(
        problem === 'missing' ? 'content_missing' : 'content_damaged',
        'The archived single file is missing or does not match its SHA-256',
        { key: archived.key },
      );
  }
  const url = await objects(deps).presignDownload({
    ...servedFrom(archived, record),
    fileName,
    inline: false,
    expiresInSeconds: DOWNLOAD_SECONDS,
  });
  return {
    sha256: record.sha256,
    size: record.size,
    pageCount: record.pageCount,
    textPages: record.textPages,
    builtAt: record.builtAt,
    ...(record.frozenAt ? { frozenAt: record.frozenAt } : {}),
    parts: record.parts,
    signatures: signatures.length,
    url,
    expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_SECONDS * 1000).toISOString(),
  };
}

export const fileNameOf = (doc: DocumentRecord) =>
  `${(doc.registration?.number ?? doc.id).replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`;

/**
 * The document's single electronic file for whoever may see the document: built on read when it
 * is missing or its inputs changed (unsigned documents), frozen once signed. A confidential
 * document's download is logged.
 */
export async function getSingleFile(deps: SingleFileDeps, actor: Actor, id: string): Promise<SingleFileView> {
  const doc = await visibleDocument(deps, actor, id);
  refuseDisposed(doc);
  const record = await currentSingleFile(deps, actor, doc);
  await noteRead(deps, actor, doc, `single file: ${record.sha256}`);
  return view(deps, record, fileNameOf(doc), doc.signatures, doc.archive);
}

/**
 * Builds the file again from its inputs (e.g. after a stored file was restored): the registry
 * office or the author, only while the document is unsigned; afterwards 409 single_file_frozen.
 */
export async function rebuildSingleFile(
  deps: SingleFileDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<SingleFileView> {
  const doc = await visibleDocument(deps, actor, id);
  allow(hasRole(actor, 'clerk') || doc.authorId === actor.employeeId, 'rebuild the single file');
  assertVersion(doc, version);
  const record = await deps.store.get<SingleFileRecord>(SINGLE_FILE, doc.tenantId, doc.id);
  if (record?.frozenAt || firstSignature(doc)) {
    const frozen = record?.frozenAt ? record : await currentSingleFile(deps, actor, doc);
    throw new ConflictError('single_file_frozen', 'The single file is frozen since the first signature', {
      sha256: frozen.sha256,
    });
  }
  const built = await build(deps, actor, doc, record, undefined);
  return view(deps, built, fileNameOf(doc));
}

/**
 * The file as served with its bytes: the newest signed revision, else the single file as it stands
 * (built if missing or stale while unsigned). The bytes are checked against the recorded SHA-256;
 * a missing or altered file is a 409 (`damaged`: `content_damaged` unless the caller names its
 * own), never handed out as whole. No visibility check and no read noted: callers do that (the
 * verification, the print) or are the system (the archive copy).
 */
export async function readServedFile(
  deps: SingleFileDeps,
  actor: Actor,
  doc: DocumentRecord,
  damaged: 'content_damaged' | 'single_file_damaged' = 'content_damaged',
): Promise<{ record: SingleFileRecord; bytes: Uint8Array }> {
  refuseDisposed(doc);
  const record = servedRevision(await currentSingleFile(deps, actor, doc), doc.signatures);
  const bytes = await objects(deps).get({
    bucket: 'attachments',
    key: record.key,
    ...(record.versionId ? { versionId: record.versionId } : {}),
  });
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== record.sha256) {
    deps.log?.error('single file revision missing or altered', { documentId: doc.id, key: record.key });
    throw new ConflictError(damaged, 'The stored single file does not match its SHA-256', {
      sha256: record.sha256,
    });
  }
  return { record, bytes };
}
