import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pack as tarPack, type Header, type Pack } from 'tar-stream';
import type { Employee, Tenant } from '../../org';
import { bakuLocalDate, type ArchivedObject, type DocumentRecord } from '../../documents';
import {
  BAGIT_TXT,
  bagInfoText,
  documentFolder,
  humanSize,
  manifestText,
  payloadFileName,
  payloadOxum,
} from '../domain/bagit';
import type { ArchiveDeps } from './deps';
import { objectStore } from './read';
import { transferSortKey, type ArchiveTransfer, type TransferFailure } from '../domain/transfer';
import { upsert } from './upsert';

/**
 * Builds a transfer package (Decree 935 §153.7): a BagIt bag (RFC 8493) in one tar file, written to
 * the archive bucket under Object Lock. Each archived object is streamed from the archive bucket
 * through the tar into a multipart upload, hashed on the way and compared with the SHA-256 recorded
 * when it was archived: a copy that no longer matches fails the package, and the upload is aborted
 * (nothing is stored). Nothing is held whole in memory but the metadata (case-file.json and the
 * tag files). Every attempt starts from the beginning; the output is the same bytes each time (the
 * times in it are the request's), so an attempt that finds the package stored by an earlier one
 * that died before recording it takes that one over.
 */

/** The record's progress is written every this many documents (and at the end). */
export const PROGRESS_EVERY = 5;

/** The package's own Object Lock: through the end of the year after it was built (docs/decisions.md). */
export function packageRetainUntil(builtAt: string): Date {
  const year = Number(bakuLocalDate(builtAt).slice(0, 4));
  return new Date(`${year + 2}-01-01T00:00:00+04:00`);
}

/** A reason the package must not be made: recorded on it, never retried. */
export class TransferRefused extends Error {
  constructor(readonly failure: TransferFailure) {
    super(failure.detail);
  }
}

interface PayloadFile {
  /** Relative to the bag's directory: `data/...`. */
  path: string;
  size: number;
  /** The SHA-256 the archive recorded (what the stream must hash to). */
  sha256: string;
  object: Pick<ArchivedObject, 'key' | 'versionId'>;
  documentId: string;
}

const FIXED_NAMES: Readonly<Record<string, string>> = {
  'single-file': 'single-file.pdf',
  operations: 'operations.json',
  manifest: 'manifest.json',
};

/** A document's payload files: the archived objects under readable names in its folder. */
export function documentPayload(doc: DocumentRecord, folder: string): PayloadFile[] {
  const taken = new Set(Object.values(FIXED_NAMES));
  return (doc.archive?.objects ?? []).map((o) => {
    const name =
      o.role === 'content'
        ? `originals/${payloadFileName(o.fileName ?? o.key.split('/').at(-1) ?? 'file', taken)}`
        : (FIXED_NAMES[o.role] ?? payloadFileName(o.key.split('/').at(-1) ?? o.role, taken));
    return {
      path: `data/${folder}/${name}`,
      size: o.size,
      sha256: o.sha256,
      object: { key: o.key, ...(o.versionId ? { versionId: o.versionId } : {}) },
      documentId: doc.id,
    };
  });
}

const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const nonAscii = (s: string) => /[^\x20-\x7e]/.test(s);

async function save(
  deps: ArchiveDeps,
  t: Pick<ArchiveTransfer, 'tenantId' | 'id'>,
  change: (current: ArchiveTransfer) => ArchiveTransfer | undefined,
): Promise<ArchiveTransfer> {
  const saved = await upsert<ArchiveTransfer>(deps, 'archive-transfer', t, (current) => {
    if (!current) return undefined;
    const next = change(current);
    return next
      ? {
          item: { ...next, updatedAt: deps.clock.now().toISOString() },
          options: {
            actorId: 'system',
            parentKey: current.nomenclatureId,
            sortKey: transferSortKey(current),
          },
        }
      : undefined;
  });
  return saved!;
}

/** Marks the package failed with its reason (the machine's last word after its retries too). */
export async function failTransfer(
  deps: ArchiveDeps,
  input: { tenantId: string; transferId: string; failure: TransferFailure },
): Promise<ArchiveTransfer> {
  return save(deps, { tenantId: input.tenantId, id: input.transferId }, (current) =>
    current.status === 'ready' || current.status === 'failed'
      ? undefined
      : {
          ...current,
          status: 'failed',
          failure: { ...input.failure, detail: input.failure.detail.slice(0, 1000) },
          finishedAt: deps.clock.now().toISOString(),
        },
  );
}

/** Writes one tar entry from bytes. */
function addBytes(tar: Pack, header: Partial<Header> & { name: string }, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    tar.entry(header, Buffer.from(bytes), (err) => (err ? reject(err) : resolve()));
  });
}

/** Waits until the entry takes more, or fails when it (or the tar) is destroyed. */
function drained(entry: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      entry.off('drain', done);
      entry.off('close', closed);
      resolve();
    };
    const closed = () => {
      entry.off('drain', done);
      reject(new Error('the tar entry closed'));
    };
    entry.once('drain', done);
    entry.once('close', closed);
  });
}

/** Streams one stored object into a tar entry, hashing it; the hash must be the recorded one. */
async function addObject(
  tar: Pack,
  header: Partial<Header> & { name: string },
  source: Readable,
  file: PayloadFile,
): Promise<void> {
  const hash = createHash('sha256');
  const entry = tar.entry(header);
  const finished = new Promise<void>((resolve, reject) => {
    entry.once('finish', () => resolve());
    entry.once('error', reject);
    entry.once('close', () => reject(new Error('the tar entry closed')));
  });
  finished.catch(() => undefined);
  try {
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      if (!entry.write(bytes)) await drained(entry);
    }
  } catch (error) {
    source.destroy();
    entry.destroy(error as Error);
    throw error;
  }
  const actual = hash.digest('hex');
  if (actual !== file.sha256) {
    // Never into the package: the entry is torn down with the tar, and the upload with it.
    const refusal = new TransferRefused({
      code: 'sha256_mismatch',
      detail: `${file.object.key}: SHA-256 ${actual}, archived as ${file.sha256}`,
      documentId: file.documentId,
      key: file.object.key,
    });
    entry.destroy(refusal);
    throw refusal;
  }
  entry.end(null);
  await finished;
}

/**
 * Builds (or finishes) the package of a transfer record. Returns the record as it ends: ready, or
 * failed with the reason when an archived copy is missing or no longer matches its SHA-256. Any
 * other error (storage, network) is thrown: the machine retries the whole build.
 */
export async function buildTransfer(
  deps: ArchiveDeps,
  input: { tenantId: string; transferId: string },
): Promise<ArchiveTransfer> {
  const stored = await deps.store.get<ArchiveTransfer>('archive-transfer', input.tenantId, input.transferId);
  if (!stored) throw new Error(`transfer ${input.transferId} not found`);
  if (stored.status === 'ready' || stored.status === 'failed') return stored;
  const key = `${stored.tenantId}/archive/transfers/${stored.id}/${stored.name}.tar`;
  let t = await save(deps, stored, (current) => ({
    ...current,
    status: 'building',
    startedAt: current.startedAt ?? deps.clock.now().toISOString(),
    progress: { done: 0, total: current.documentIds.length },
  }));

  try {
    const written = await writePackage(deps, t, key, async (done) => {
      if (done % PROGRESS_EVERY === 0 || done === t.documentIds.length)
        t = await save(deps, t, (current) => ({
          ...current,
          progress: { done, total: current.progress.total },
        }));
    });
    return await save(deps, t, (current) => ({
      ...current,
      status: 'ready',
      progress: { done: current.documentIds.length, total: current.documentIds.length },
      key,
      ...(written.versionId ? { versionId: written.versionId } : {}),
      size: written.size,
      sha256: written.sha256,
      retainUntil: written.retainUntil,
      finishedAt: deps.clock.now().toISOString(),
    }));
  } catch (error) {
    if (!(error instanceof TransferRefused)) throw error;
    deps.log?.error('archive_transfer_refused', {
      tenantId: t.tenantId,
      transferId: t.id,
      code: error.failure.code,
      key: error.failure.key ?? '',
    });
    return failTransfer(deps, { tenantId: t.tenantId, transferId: t.id, failure: error.failure });
  }
}

/** Hashes a stored object by streaming it (a package an earlier attempt stored). */
async function hashStored(deps: ArchiveDeps, object: { key: string; versionId?: string }) {
  const stream = await objectStore(deps).getStream({ bucket: 'archive', ...object });
  if (!stream) return undefined;
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}

async function writePackage(
  deps: ArchiveDeps,
  t: ArchiveTransfer,
  key: string,
  progress: (done: number) => Promise<void>,
): Promise<{ versionId?: string; size: number; sha256: string; retainUntil: string }> {
  const retainUntil = packageRetainUntil(t.requestedAt);
  // An earlier attempt stored the package and died before recording it: that one is the package.
  const earlier = await objectStore(deps).head({ bucket: 'archive', key });
  if (earlier) {
    const version = earlier.versionId ? { versionId: earlier.versionId } : {};
    const hashed = await hashStored(deps, { key, ...version });
    if (hashed) return { ...version, ...hashed, retainUntil: retainUntil.toISOString() };
  }

  // The plan: every document's files with their recorded sizes and hashes (metadata only).
  const tenant = await deps.store.get<Tenant>('tenant', t.tenantId, t.tenantId);
  const requester = await deps.store.get<Employee>('employee', t.tenantId, t.requestedBy);
  const docs: Array<{ doc: DocumentRecord; folder: string; files: PayloadFile[] }> = [];
  for (let i = 0; i < t.documentIds.length; i += 100) {
    const ids = t.documentIds.slice(i, i + 100);
    const found = new Map((await deps.documents.getMany(t.tenantId, ids)).map((d) => [d.id, d]));
    for (const id of ids) {
      const doc = found.get(id);
      if (!doc?.archive)
        throw new TransferRefused({
          code: 'not_archived',
          detail: `document ${id} has no archive copy`,
          documentId: id,
        });
      const folder = documentFolder({
        documentId: doc.id,
        ...(doc.registration ? { number: doc.registration.number } : {}),
      });
      docs.push({ doc, folder, files: documentPayload(doc, folder) });
    }
  }
  const caseFile = Buffer.from(
    JSON.stringify(
      {
        format: 'karguzar-transfer/1',
        transfer: { id: t.id, requestedAt: t.requestedAt, requestedBy: t.requestedBy },
        agency: {
          id: t.tenantId,
          name: tenant?.name ?? { az: t.tenantId },
          ...(tenant ? { voen: tenant.voen, legalAddress: tenant.legalAddress } : {}),
        },
        caseFile: {
          id: t.nomenclatureId,
          index: t.caseIndex,
          name: t.caseName,
          year: t.year,
          retention: 'permanent',
        },
        documents: docs.map(({ doc, folder, files }) => ({
          folder: `data/${folder}`,
          id: doc.id,
          kind: doc.kind,
          ...(doc.registration ? { number: doc.registration.number, registeredAt: doc.registration.at } : {}),
          summary: doc.summary,
          archivedAt: doc.archive!.archivedAt,
          retainUntil: doc.archive!.retainUntil,
          legalHold: doc.archive!.legalHold,
          files: files.map((f, i) => ({
            path: f.path,
            role: doc.archive!.objects[i]!.role,
            ...(doc.archive!.objects[i]!.fileName ? { fileName: doc.archive!.objects[i]!.fileName } : {}),
            size: f.size,
            sha256: f.sha256,
          })),
        })),
      },
      null,
      2,
    ),
    'utf8',
  );
  const payload = [
    { path: 'data/case-file.json', size: caseFile.byteLength, sha256: sha256Hex(caseFile) },
    ...docs.flatMap((d) => d.files),
  ];
  const bagDate = bakuLocalDate(t.requestedAt);
  const agencyName = tenant?.name.az ?? t.tenantId;
  const bagInfo = Buffer.from(
    bagInfoText([
      ['Source-Organization', agencyName],
      ...(tenant?.legalAddress ? [['Organization-Address', tenant.legalAddress] as const] : []),
      ...(requester ? [['Contact-Name', requester.fullName] as const] : []),
      ...(tenant?.email ? [['Contact-Email', tenant.email] as const] : []),
      ['External-Identifier', `${t.caseIndex}/${t.year}`],
      [
        'External-Description',
        `${t.caseName.az} (${t.caseIndex}), ${t.year}: ${docs.length} documents kept permanently, transferred to the state archive (Decree 935 §153.7)`,
      ],
      ['Bagging-Date', bagDate],
      ['Bag-Size', humanSize(payload.reduce((s, f) => s + f.size, 0))],
      ['Payload-Oxum', payloadOxum(payload)],
      ['Internal-Sender-Identifier', t.id],
      ['Karguzar-Tenant', t.tenantId],
      ...(tenant?.voen ? [['Karguzar-VOEN', tenant.voen] as const] : []),
      ['Karguzar-Case-File-Id', t.nomenclatureId],
      ['Karguzar-Retention', 'permanent'],
      ['Karguzar-Documents', String(docs.length)],
    ]),
    'utf8',
  );

  const mtime = new Date(t.requestedAt);
  const header = (path: string, size: number): Partial<Header> & { name: string } => ({
    name: `${t.name}/${path}`,
    size,
    mode: 0o644,
    mtime,
    type: 'file',
    uname: 'karguzar',
    gname: 'karguzar',
    // Names outside ASCII go in a pax header (path=, UTF-8), which every tar reads the same way.
    ...(nonAscii(path) ? { pax: {} } : {}),
  });

  const tar = tarPack();
  const whole = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      whole.update(chunk);
      size += chunk.byteLength;
      callback(null, chunk);
    },
  });
  tar.on('error', (err: Error) => meter.destroy(err));
  tar.pipe(meter);
  const uploading = objectStore(deps).putStream({
    bucket: 'archive',
    key,
    body: meter,
    contentType: 'application/x-tar',
    retainUntil,
  });
  // The upload failing (storage) tears the tar down, so the writers below stop waiting.
  uploading.catch((err: unknown) => tar.destroy(err as Error));

  try {
    await addBytes(tar, header('bagit.txt', Buffer.byteLength(BAGIT_TXT)), Buffer.from(BAGIT_TXT));
    await addBytes(tar, header('bag-info.txt', bagInfo.byteLength), bagInfo);
    await addBytes(tar, header('data/case-file.json', caseFile.byteLength), caseFile);
    let done = 0;
    for (const { files } of docs) {
      for (const file of files) {
        const source = await objectStore(deps).getStream({ bucket: 'archive', ...file.object });
        if (!source)
          throw new TransferRefused({
            code: 'object_missing',
            detail: `${file.object.key}: missing in the archive`,
            documentId: file.documentId,
            key: file.object.key,
          });
        await addObject(tar, header(file.path, file.size), source, file);
      }
      done += 1;
      await progress(done);
    }
    const manifest = Buffer.from(manifestText(payload), 'utf8');
    await addBytes(tar, header('manifest-sha256.txt', manifest.byteLength), manifest);
    const tagManifest = Buffer.from(
      manifestText([
        { path: 'bagit.txt', sha256: sha256Hex(BAGIT_TXT) },
        { path: 'bag-info.txt', sha256: sha256Hex(bagInfo) },
        { path: 'manifest-sha256.txt', sha256: sha256Hex(manifest) },
      ]),
      'utf8',
    );
    await addBytes(tar, header('tagmanifest-sha256.txt', tagManifest.byteLength), tagManifest);
    tar.finalize();
    const out = await uploading;
    return {
      ...(out.versionId ? { versionId: out.versionId } : {}),
      size,
      sha256: whole.digest('hex'),
      retainUntil: retainUntil.toISOString(),
    };
  } catch (error) {
    // The body fails: the multipart upload is aborted and nothing is stored.
    tar.destroy(error as Error);
    meter.destroy(error as Error);
    await uploading.catch(() => undefined);
    throw error;
  }
}
