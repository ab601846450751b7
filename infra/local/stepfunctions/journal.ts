import {
  closeSync,
  existsSync,
  fdatasync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  write,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic, writeFileAtomicSync } from '../fs-durable';
import { isAlive } from '../process-alive';

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);
const ftruncateAsync = promisify(ftruncate);

/**
 * Append-only journal plus atomically written snapshot, under `<dataDir>/sfn/`.
 *
 * - `journal.jsonl`: one JSON record per line. Records are appended in memory and written by a
 *   group commit: whatever was appended while the last write and fsync ran goes out in one write
 *   and one fsync, off the event loop. `flushed()` resolves once every record appended so far is
 *   on disk; the runner acts on a record (invokes a Lambda, answers a request) only after that. A
 *   torn last line (crash in the middle of a write) is ignored.
 * - `snapshot.json`: the folded state up to `seq`, written to a temp file, fsync()ed and renamed.
 *   After a snapshot the journal is truncated; records with `seq <= snapshot.seq` are skipped on
 *   replay, so a crash between the rename and the truncation loses nothing.
 */
export interface JournalRecordBase {
  seq: number;
  t: string;
}

/** What the journal did so far (tests, and the bench's view of the group commit). */
export interface JournalStats {
  records: number;
  /** Writes of the journal, each followed by one fsync: fewer than records when commits grouped. */
  flushes: number;
  /** Bytes written to the journal. */
  bytes: number;
  snapshots: number;
  /** Bytes written to snapshots. */
  snapshotBytes: number;
}

export class Journal<R extends JournalRecordBase, S> {
  private fd: number | undefined;
  private lockFile: string | undefined;
  private seq = 0;
  private sinceSnapshot = 0;
  private bytesSinceSnapshot = 0;
  private snapshotBytes = 0;
  /** Lines appended but not yet written, and the last sequence number on disk. */
  private pending: string[] = [];
  private durableSeq = 0;
  private waiters: Array<{ seq: number; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;
  readonly stats: JournalStats = { records: 0, flushes: 0, bytes: 0, snapshots: 0, snapshotBytes: 0 };
  readonly dir: string;
  private readonly journalFile: string;
  private readonly snapshotFile: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'sfn');
    mkdirSync(this.dir, { recursive: true });
    this.journalFile = join(this.dir, 'journal.jsonl');
    this.snapshotFile = join(this.dir, 'snapshot.json');
  }

  /** Reads the snapshot and the journal records after it. */
  load(): { snapshot: S | undefined; records: R[] } {
    let snapshot: S | undefined;
    let snapshotSeq = 0;
    if (existsSync(this.snapshotFile)) {
      const parsed = JSON.parse(readFileSync(this.snapshotFile, 'utf8')) as { seq: number; state: S };
      snapshot = parsed.state;
      snapshotSeq = parsed.seq;
    }
    const records: R[] = [];
    if (existsSync(this.journalFile)) {
      const lines = readFileSync(this.journalFile, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line.trim() === '') return;
        let record: R;
        try {
          record = JSON.parse(line) as R;
        } catch (err) {
          // Only the last line can be torn by a crash; anything else is corruption.
          if (i >= lines.length - 2) return;
          throw new Error(`sfn journal is corrupt at line ${i + 1}`, { cause: err });
        }
        if (record.seq > snapshotSeq) records.push(record);
      });
    }
    this.seq = Math.max(snapshotSeq, records.at(-1)?.seq ?? 0);
    this.durableSeq = this.seq;
    return { snapshot, records };
  }

  /**
   * One runner per data folder: a second live process would drive the same executions twice. A
   * lock left by a killed process (its pid is gone) is taken over.
   */
  lock(): void {
    const file = join(this.dir, 'runner.pid');
    if (existsSync(file)) {
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new Error(`${this.dir} is in use by the runner with pid ${pid}`);
      }
    }
    writeFileAtomicSync(file, String(process.pid));
    this.lockFile = file;
  }

  open(): void {
    this.fd = openSync(this.journalFile, 'a');
  }

  /**
   * Appends one record (assigning its sequence number) and returns it. It is durable once
   * `flushed()` resolves. The group commit starts after this turn of the event loop, so that the
   * records of one burst (a library run's transitions) share a write and an fsync.
   */
  append(record: Omit<R, 'seq'>): R {
    if (this.fd === undefined) throw new Error('journal is not open');
    if (this.failure !== undefined) throw new Error('sfn journal failed', { cause: this.failure });
    const full = { seq: this.seq + 1, ...record } as R;
    const line = `${JSON.stringify(full)}\n`;
    this.pending.push(line);
    this.seq = full.seq;
    this.sinceSnapshot += 1;
    this.bytesSinceSnapshot += Buffer.byteLength(line);
    this.stats.records += 1;
    this.flushing ??= new Promise((resolve) => setImmediate(resolve)).then(() => this.flushLoop());
    return full;
  }

  /** Resolves once every record appended so far is written and fsynced (rejects if the disk failed). */
  flushed(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.durableSeq >= this.seq) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq: this.seq, resolve, reject }));
  }

  /**
   * Whether the journal has grown enough to be folded into a snapshot: at least `minRecords`
   * records, and at least as many bytes as the last snapshot, so that writing snapshots costs no
   * more than writing the journal however large the state grows (and a replay reads at most about
   * twice the snapshot).
   */
  wantsSnapshot(minRecords: number): boolean {
    return this.sinceSnapshot >= minRecords && this.bytesSinceSnapshot >= this.snapshotBytes;
  }

  /** Writes the folded state atomically, then empties the journal (synchronous: at recovery). */
  snapshot(state: S): void {
    const text = JSON.stringify({ seq: this.seq, state });
    writeFileAtomicSync(this.snapshotFile, text);
    if (this.fd !== undefined) {
      ftruncateSync(this.fd, 0);
      fsyncSync(this.fd);
    } else {
      const fd = openSync(this.journalFile, 'w');
      fsyncSync(fd);
      closeSync(fd);
    }
    this.snapshotTaken(Buffer.byteLength(text), this.seq);
  }

  /** Resolves once the pending records are on disk, then closes the journal and drops the lock. */
  async close(): Promise<void> {
    await this.flushing?.catch(() => undefined);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.lockFile) rmSync(this.lockFile, { force: true });
    this.lockFile = undefined;
  }

  /** Set by the owner: the state to snapshot when the journal has grown enough (see `wantsSnapshot`). */
  snapshotSource: (() => S | undefined) | undefined;

  /**
   * The group commit: one write and one fsync for everything pending, again while more came in
   * meanwhile. Between two flushes, and only there (no journal write is in flight), the state may
   * be snapshotted and the journal truncated: records appended meanwhile (seq above the
   * snapshot's, or already folded into it) are written after the truncation.
   */
  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0 && this.fd !== undefined) {
        const fd = this.fd;
        const lines = this.pending.splice(0);
        const upTo = this.seq - this.pending.length;
        const buffer = Buffer.from(lines.join(''));
        let written = 0;
        while (written < buffer.length)
          written += (await writeAsync(fd, buffer, written, buffer.length - written)).bytesWritten;
        await fdatasyncAsync(fd);
        this.stats.flushes += 1;
        this.stats.bytes += buffer.length;
        this.durableSeq = upTo;
        const state = this.snapshotSource?.();
        if (state !== undefined) await this.snapshotAsync(fd, state);
        this.wake();
      }
    } catch (error) {
      this.failure = error;
      for (const w of this.waiters.splice(0)) w.reject(error);
    } finally {
      this.flushing = undefined;
    }
  }

  private async snapshotAsync(fd: number, state: S): Promise<void> {
    // Everything appended so far is folded into `state`: it is durable once the snapshot is, and
    // the lines still pending need not be written.
    const seq = this.seq;
    const folded = this.pending.length;
    const text = JSON.stringify({ seq, state });
    const recordsBefore = this.sinceSnapshot;
    const bytesBefore = this.bytesSinceSnapshot;
    await writeFileAtomic(this.snapshotFile, text);
    await ftruncateAsync(fd, 0);
    await fdatasyncAsync(fd);
    this.pending.splice(0, folded);
    // Records appended while the snapshot was written count towards the next one.
    const records = this.sinceSnapshot - recordsBefore;
    const bytes = this.bytesSinceSnapshot - bytesBefore;
    this.snapshotTaken(Buffer.byteLength(text), seq);
    this.sinceSnapshot = records;
    this.bytesSinceSnapshot = bytes;
  }

  private snapshotTaken(bytes: number, seq: number): void {
    this.sinceSnapshot = 0;
    this.bytesSinceSnapshot = 0;
    this.snapshotBytes = bytes;
    this.durableSeq = Math.max(this.durableSeq, seq);
    this.stats.snapshots += 1;
    this.stats.snapshotBytes += bytes;
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.seq <= this.durableSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.durableSeq);
    for (const w of ready) w.resolve();
  }
}

/** A state kept as a fold over journal records (executions.ts is the runner's). */
export interface Fold<R, S> {
  /** Takes the state of a snapshot (undefined: an empty folder). */
  restore(snapshot: S | undefined): void;
  /** The only way the state changes, in replay and live operation alike. */
  apply(record: R): void;
  /** What a snapshot stores. */
  persisted(): S;
}

/**
 * The journal and the fold together: `recover` restores the snapshot, replays the records after
 * it through the same `apply` as live operation and compacts; `commit` appends a record and
 * applies it at once, and `durable()` says when it is on disk. The owner acts on the state (runs
 * a task, answers a request) only once `durable()` resolved, so nothing is acted on that a crash
 * could lose: after a crash the state is a prefix of the journal that no action went beyond.
 */
export class JournaledState<R extends JournalRecordBase, S> {
  private readonly journal: Journal<R, S>;

  /**
   * @param snapshotEvery records after which the state is snapshotted and the journal emptied
   *   (once the journal is also as large as the last snapshot; see `Journal.wantsSnapshot`).
   */
  constructor(
    dataDir: string,
    private readonly fold: Fold<R, S>,
    snapshotEvery = 1000,
  ) {
    this.journal = new Journal<R, S>(dataDir);
    this.journal.snapshotSource = () =>
      this.journal.wantsSnapshot(snapshotEvery) ? this.fold.persisted() : undefined;
  }

  get stats(): JournalStats {
    return this.journal.stats;
  }

  get dir(): string {
    return this.journal.dir;
  }

  /** One process per data folder (see `Journal.lock`). */
  lock(): void {
    this.journal.lock();
  }

  /** Snapshot + replay, then a fresh snapshot and an empty journal open for appends. */
  recover(): void {
    const { snapshot, records } = this.journal.load();
    this.fold.restore(snapshot);
    for (const r of records) this.fold.apply(r);
    this.journal.open();
    this.journal.snapshot(this.fold.persisted());
  }

  /** Appends `record` and applies it; returns it with its sequence number (durable: see `durable`). */
  commit(record: Omit<R, 'seq'>): R {
    const full = this.journal.append(record);
    this.fold.apply(full);
    return full;
  }

  /** Resolves once every record committed so far is on disk. */
  durable(): Promise<void> {
    return this.journal.flushed();
  }

  /** Writes what is pending, then closes the journal. */
  close(): Promise<void> {
    return this.journal.close();
  }
}
