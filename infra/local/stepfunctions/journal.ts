import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync as writeFileAtomic } from '../fs-durable';
import { isAlive } from '../process-alive';

/**
 * Append-only journal plus atomically written snapshot, under `<dataDir>/sfn/`.
 *
 * - `journal.jsonl`: one JSON record per line, each written with a single write() and fsync()ed
 *   before the runner acts on it. A torn last line (crash in the middle of a write) is ignored.
 * - `snapshot.json`: the folded state up to `seq`, written to a temp file, fsync()ed and renamed.
 *   After a snapshot the journal is truncated; records with `seq <= snapshot.seq` are skipped on
 *   replay, so a crash between the rename and the truncation loses nothing.
 */
export interface JournalRecordBase {
  seq: number;
  t: string;
}

export class Journal<R extends JournalRecordBase, S> {
  private fd: number | undefined;
  private lockFile: string | undefined;
  private seq = 0;
  private sinceSnapshot = 0;
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
    writeFileAtomic(file, String(process.pid));
    this.lockFile = file;
  }

  open(): void {
    this.fd = openSync(this.journalFile, 'a');
  }

  /** Durably appends one record (assigning its sequence number) and returns it. */
  append(record: Omit<R, 'seq'>): R {
    if (this.fd === undefined) throw new Error('journal is not open');
    const full = { seq: this.seq + 1, ...record } as R;
    writeSync(this.fd, `${JSON.stringify(full)}\n`);
    fsyncSync(this.fd);
    this.seq = full.seq;
    this.sinceSnapshot += 1;
    return full;
  }

  get recordsSinceSnapshot(): number {
    return this.sinceSnapshot;
  }

  /** Writes the folded state atomically, then empties the journal. */
  snapshot(state: S): void {
    writeFileAtomic(this.snapshotFile, JSON.stringify({ seq: this.seq, state }));
    if (this.fd !== undefined) {
      ftruncateSync(this.fd, 0);
      fsyncSync(this.fd);
    } else {
      const fd = openSync(this.journalFile, 'w');
      fsyncSync(fd);
      closeSync(fd);
    }
    this.sinceSnapshot = 0;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.lockFile) rmSync(this.lockFile, { force: true });
    this.lockFile = undefined;
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
 * it through the same `apply` as live operation and compacts; `commit` makes a record durable
 * (write + fsync) before the state changes, so nothing is acted on that a crash could lose.
 */
export class JournaledState<R extends JournalRecordBase, S> {
  private readonly journal: Journal<R, S>;

  /** @param snapshotEvery records after which the state is snapshotted and the journal emptied. */
  constructor(
    dataDir: string,
    private readonly fold: Fold<R, S>,
    private readonly snapshotEvery = 1000,
  ) {
    this.journal = new Journal<R, S>(dataDir);
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

  /** Appends `record` durably, then applies it; returns it with its sequence number. */
  commit(record: Omit<R, 'seq'>): R {
    const full = this.journal.append(record);
    this.fold.apply(full);
    if (this.journal.recordsSinceSnapshot >= this.snapshotEvery) this.journal.snapshot(this.fold.persisted());
    return full;
  }

  close(): void {
    this.journal.close();
  }
}
