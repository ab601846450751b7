/**
 * The embedded search engine: one `TenantIndex` per tenant, loaded lazily from its snapshot,
 * and an append-only operation log that makes every `upsert` and `remove` durable before it
 * resolves (JSON lines, one fdatasync for all the operations waiting at that moment). When the
 * log grows past a threshold (and on close) the engine starts a new log, writes a snapshot of
 * every tenant the older logs touched (the items, tombstones and postings, replaced
 * atomically) and then deletes the older logs. Opening loads nothing but the logs: each tenant's
 * snapshot is read on its first use and the logged operations newer than it replayed; a torn
 * last line (a write cut by a crash, never acknowledged) is cut off.
 *
 * Folder layout: `LOCK` (the owner's pid), `log-<first sequence number>.jsonl`,
 * `tenants/<base64url tenant id>.snap`.
 */
import {
  createReadStream,
  closeSync,
  fdatasync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { resolve, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { SearchIndex } from '../ports';
import type { SearchDocument } from '../domain/search-document';
import type { SearchQuery, SearchResult } from '../domain/search-query';
import { appendAll, fsyncDir, writeFileAtomic } from './files';
import { TenantIndex, type TenantState } from './tenant-index';
import { analysisFingerprint } from './terms';

const datasync = promisify(fdatasync);

export interface EmbeddedSearchOptions {
  /** The engine's own folder (created when missing). */
  dir: string;
  /** Operations in the current log that start a snapshot (default 50,000). */
  snapshotAfterOps?: number;
  /** Bytes in the current log that start a snapshot (default 128 MiB). */
  snapshotAfterBytes?: number;
}

export type EmbeddedSearchIndex = SearchIndex & {
  /** Waits for pending writes, writes the snapshots, releases the folder. */
  close(): Promise<void>;
  /** True while the folder has never held an item or a removal (a new or lost index: rebuild it from the table). */
  isEmpty(): boolean;
};

type Op =
  { s: number; t: string; u: SearchDocument } | { s: number; t: string; r: { id: string; version: string } };
type NewOp = Op extends infer O ? (O extends Op ? Omit<O, 's'> : never) : never;

interface Waiting {
  ops: NewOp[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface LogFile {
  path: string;
  startSeq: number;
}

/**
 * Format 2: header, the field lengths, the items, the tombstones, one line per term's postings.
 * Format 1 (MiniSearch's JSON on line 2, no postings) is read too; its items are indexed again.
 */
const SNAPSHOT_FORMAT = 2;
const READABLE_FORMATS = new Set([1, SNAPSHOT_FORMAT]);
const LOG_NAME = /^log-(\d{16})\.jsonl$/;

/** Folders open in this process: a second engine on the same folder would corrupt it. */
const openDirs = new Set<string>();

export class EmbeddedSearchEngine implements EmbeddedSearchIndex {
  private readonly dir: string;
  private readonly tenantsDir: string;
  private readonly fingerprint = analysisFingerprint();
  private readonly snapshotAfterOps: number;
  private readonly snapshotAfterBytes: number;
  /** Log files on disk, oldest first; the last one is written to. */
  private logs: LogFile[] = [];
  private fd: number;
  private logBytes = 0;
  private logOps = 0;
  private nextSeq = 1;
  /** Tenants that have a snapshot file. */
  private readonly snapshots = new Set<string>();
  /** Replayed operations of tenants not loaded yet. */
  private readonly pending = new Map<string, Op[]>();
  /** Tenants with operations in a log on disk (to be snapshotted before the log goes). */
  private touched = new Set<string>();
  private readonly tenants = new Map<string, Promise<TenantIndex>>();
  private queue: Waiting[] = [];
  private pumping: Promise<void> | undefined;
  private snapshotting: Promise<void> | undefined;
  private everHeld = false;
  private closed = false;

  constructor(options: EmbeddedSearchOptions) {
    this.dir = resolve(options.dir);
    this.tenantsDir = join(this.dir, 'tenants');
    this.snapshotAfterOps = options.snapshotAfterOps ?? 50_000;
    this.snapshotAfterBytes = options.snapshotAfterBytes ?? 128 * 1024 * 1024;
    mkdirSync(this.tenantsDir, { recursive: true });
    this.lock();
    try {
      for (const name of readdirSync(this.tenantsDir)) {
        if (name.endsWith('.snap'))
          this.snapshots.add(Buffer.from(name.slice(0, -5), 'base64url').toString('utf8'));
        else if (name.endsWith('.tmp')) rmSync(join(this.tenantsDir, name), { force: true });
      }
      this.everHeld = this.snapshots.size > 0;
      this.logs = readdirSync(this.dir)
        .map((name) => ({ name, m: LOG_NAME.exec(name) }))
        .filter((l) => l.m !== null)
        .map((l) => ({ path: join(this.dir, l.name), startSeq: Number(l.m?.[1]) }))
        .sort((a, b) => a.startSeq - b.startSeq);
      for (const log of this.logs) this.replay(log);
      const current = this.logs[this.logs.length - 1];
      if (current) {
        this.nextSeq = Math.max(this.nextSeq, current.startSeq);
        this.fd = openSync(current.path, 'a');
        this.logBytes = statSync(current.path).size;
      } else {
        this.fd = this.newLog();
      }
    } catch (error) {
      this.unlock();
      throw error;
    }
  }

  // ---- the port

  upsert(docs: readonly SearchDocument[]): Promise<void> {
    return this.enqueue(docs.map((doc) => ({ t: doc.tenantId, u: doc })));
  }

  remove(refs: readonly { tenantId: string; id: string; version: string }[]): Promise<void> {
    return this.enqueue(refs.map((ref) => ({ t: ref.tenantId, r: { id: ref.id, version: ref.version } })));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.assertOpen();
    return (await this.tenant(query.tenantId)).search(query);
  }

  async count(tenantId: string): Promise<number> {
    this.assertOpen();
    return (await this.tenant(tenantId)).size;
  }

  isEmpty(): boolean {
    return !this.everHeld;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      while (this.pumping) await this.pumping;
      while (this.snapshotting) await this.snapshotting.catch(() => undefined);
      if (this.touched.size > 0 || this.logs.length > 1) await this.snapshot();
    } finally {
      closeSync(this.fd);
      this.unlock();
    }
  }

  // ---- writing

  private assertOpen(): void {
    if (this.closed) throw new Error('The search index is closed');
  }

  private enqueue(ops: NewOp[]): Promise<void> {
    this.assertOpen();
    for (const op of ops) if (!op.t) return Promise.reject(new Error('A search item without a tenant'));
    if (ops.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ops, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.pumping || this.queue.length === 0) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      this.kick();
    });
  }

  /** Writes what waits, in groups: one write and one fdatasync per group, then applies it in order. */
  private async pump(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const sizeBefore = this.logBytes;
      try {
        const ops: Op[] = batch.flatMap((w) => w.ops).map((op) => ({ s: this.nextSeq++, ...op }) as Op);
        const tenants = new Map<string, TenantIndex>();
        for (const op of ops) if (!tenants.has(op.t)) tenants.set(op.t, await this.tenant(op.t));
        const data = Buffer.from(ops.map((op) => `${JSON.stringify(op)}\n`).join(''), 'utf8');
        await appendAll(this.fd, data);
        await datasync(this.fd);
        this.logBytes += data.length;
        this.logOps += ops.length;
        this.everHeld = true;
        for (const op of ops) {
          apply(tenants.get(op.t) as TenantIndex, op);
          this.touched.add(op.t);
        }
        for (const w of batch) w.resolve();
      } catch (error) {
        try {
          ftruncateSync(this.fd, sizeBefore);
        } catch {
          /* the next open cuts what does not parse */
        }
        for (const w of batch) w.reject(error);
      }
      if (
        !this.snapshotting &&
        (this.logOps >= this.snapshotAfterOps || this.logBytes >= this.snapshotAfterBytes)
      )
        this.snapshotting = this.snapshot()
          .catch(() => undefined)
          .finally(() => {
            this.snapshotting = undefined;
          });
    }
  }

  /** Starts a new log, snapshots every tenant the older logs touched, then deletes those logs. */
  private async snapshot(): Promise<void> {
    const sealed = this.logs.slice();
    const toSave = this.touched;
    this.touched = new Set();
    const previous = this.fd;
    this.fd = this.newLog();
    closeSync(previous);
    try {
      for (const tenantId of toSave) {
        const tenant = await this.tenant(tenantId);
        await this.writeSnapshot(tenantId, tenant);
      }
    } catch (error) {
      for (const id of toSave) this.touched.add(id);
      throw error;
    }
    for (const log of sealed) rmSync(log.path, { force: true });
    this.logs = this.logs.filter((log) => !sealed.includes(log));
    fsyncDir(this.dir);
  }

  private newLog(): number {
    const path = join(this.dir, `log-${String(this.nextSeq).padStart(16, '0')}.jsonl`);
    const fd = openSync(path, 'a');
    fsyncDir(this.dir);
    this.logs.push({ path, startSeq: this.nextSeq });
    this.logBytes = 0;
    this.logOps = 0;
    return fd;
  }

  private snapshotPath(tenantId: string): string {
    return join(this.tenantsDir, `${Buffer.from(tenantId, 'utf8').toString('base64url')}.snap`);
  }

  private async writeSnapshot(tenantId: string, tenant: TenantIndex): Promise<void> {
    const { state, postings } = tenant.stored();
    const header = {
      format: SNAPSHOT_FORMAT,
      tenantId,
      seq: state.seq,
      analysis: this.fingerprint,
      docs: state.docs.length,
      tombstones: state.tombstones.length,
      terms: postings.terms.length,
    };
    function* lines() {
      yield `${JSON.stringify(header)}\n`;
      yield `${JSON.stringify({ lengths: postings.lengths })}\n`;
      for (const doc of state.docs) yield `${JSON.stringify(doc)}\n`;
      for (const tombstone of state.tombstones) yield `${JSON.stringify(tombstone)}\n`;
      for (const term of postings.terms) yield `${JSON.stringify(term)}\n`;
    }
    await writeFileAtomic(this.snapshotPath(tenantId), lines());
    this.snapshots.add(tenantId);
  }

  // ---- reading

  private tenant(tenantId: string): Promise<TenantIndex> {
    let loading = this.tenants.get(tenantId);
    if (!loading) {
      loading = this.load(tenantId);
      this.tenants.set(tenantId, loading);
      loading.catch(() => this.tenants.delete(tenantId));
    }
    return loading;
  }

  private async load(tenantId: string): Promise<TenantIndex> {
    const tenant = this.snapshots.has(tenantId) ? await this.readSnapshot(tenantId) : new TenantIndex();
    for (const op of this.pending.get(tenantId) ?? []) if (op.s > tenant.seq) apply(tenant, op);
    this.pending.delete(tenantId);
    return tenant;
  }

  private async readSnapshot(tenantId: string): Promise<TenantIndex> {
    const path = this.snapshotPath(tenantId);
    const lines = createInterface({
      input: createReadStream(path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    let header:
      | { format: number; seq: number; analysis: string; docs: number; tombstones: number; terms?: number }
      | undefined;
    let index = null as { lengths?: string[] } | null;
    let read = 0;
    const state: TenantState = { seq: 0, docs: [], tombstones: [] };
    const terms: [number, string, string][] = [];
    for await (const line of lines) {
      if (!header) header = JSON.parse(line) as typeof header;
      else if (read++ === 0)
        index = header?.format === SNAPSHOT_FORMAT ? (JSON.parse(line) as typeof index) : null;
      else if (line === '') continue;
      else if (state.docs.length < (header?.docs ?? 0)) state.docs.push(JSON.parse(line) as SearchDocument);
      else if (state.tombstones.length < (header?.tombstones ?? 0))
        state.tombstones.push(JSON.parse(line) as [string, string]);
      else terms.push(JSON.parse(line) as [number, string, string]);
    }
    if (
      !header ||
      !READABLE_FORMATS.has(header.format) ||
      header.docs !== state.docs.length ||
      header.tombstones !== state.tombstones.length ||
      (header.format === SNAPSHOT_FORMAT && header.terms !== terms.length)
    )
      throw new Error(`The search snapshot ${path} is not complete`);
    state.seq = header.seq;
    const lengths = index?.lengths;
    const usable = header.format === SNAPSHOT_FORMAT && header.analysis === this.fingerprint && lengths;
    return TenantIndex.restore(state, usable ? { lengths, terms } : undefined);
  }

  /** Reads one log into `pending`; cuts a torn last line off (it was never acknowledged). */
  private replay(log: LogFile): void {
    const data = readFileSync(log.path);
    let start = 0;
    let good = 0;
    while (start < data.length) {
      const end = data.indexOf(0x0a, start);
      if (end < 0) break;
      const text = data.toString('utf8', start, end);
      start = end + 1;
      let op: Op;
      try {
        op = JSON.parse(text) as Op;
      } catch {
        continue;
      }
      good = start;
      this.nextSeq = Math.max(this.nextSeq, op.s + 1);
      const ops = this.pending.get(op.t) ?? [];
      ops.push(op);
      this.pending.set(op.t, ops);
      this.touched.add(op.t);
      this.everHeld = true;
      this.logOps += 1;
    }
    if (good < data.length) {
      const fd = openSync(log.path, 'r+');
      try {
        ftruncateSync(fd, good);
      } finally {
        closeSync(fd);
      }
    }
  }

  // ---- one engine per folder

  private lock(): void {
    if (openDirs.has(this.dir))
      throw new Error(`The search index in ${this.dir} is already open in this process`);
    const path = join(this.dir, 'LOCK');
    try {
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner !== process.pid && alive(owner))
        throw new Error(`The search index in ${this.dir} is open in process ${owner}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    writeFileSync(path, String(process.pid));
    openDirs.add(this.dir);
  }

  private unlock(): void {
    rmSync(join(this.dir, 'LOCK'), { force: true });
    openDirs.delete(this.dir);
  }
}

function apply(tenant: TenantIndex, op: Op): void {
  if ('u' in op) tenant.upsert(op.u);
  else tenant.remove(op.r.id, op.r.version);
  tenant.seq = op.s;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
