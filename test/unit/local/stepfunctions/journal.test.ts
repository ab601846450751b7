import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExecutionTable } from '../../../../infra/local/stepfunctions/executions';
import { JournaledState } from '../../../../infra/local/stepfunctions/journal';
import type { NewRec, PersistedState, Rec } from '../../../../infra/local/stepfunctions/model';
import { TokenRegistry } from '../../../../infra/local/stepfunctions/tokens';

const TYPES: Record<string, string> = { Prepare: 'Pass', Pause: 'Wait', Approve: 'Task' };
const arn = (name: string) => `arn:aws:states:us-east-1:000000000000:execution:karguzar-m:${name}`;
const T0 = Date.parse('2030-03-01T08:00:00Z');

/** One execution through a Pass, a Wait and a human step to success; one parked on a token; one stopped. */
const RECORDS: NewRec[] = [
  {
    t: 'start',
    arn: arn('a'),
    machine: 'm',
    name: 'a',
    input: '{"n":1}',
    at: T0,
    timeoutAt: null,
    startAt: 'Prepare',
  },
  { t: 'enter', arn: arn('a'), state: 'Prepare', input: { n: 1 }, at: T0 },
  { t: 'exit', arn: arn('a'), state: 'Prepare', output: { n: 2 }, at: T0, next: 'Pause' },
  { t: 'enter', arn: arn('a'), state: 'Pause', input: { n: 2 }, at: T0 },
  { t: 'wait', arn: arn('a'), state: 'Pause', until: T0 + 60_000, at: T0 },
  { t: 'wait-fired', arn: arn('a'), at: T0 + 60_000 },
  { t: 'exit', arn: arn('a'), state: 'Pause', output: { n: 2 }, at: T0 + 60_000, next: 'Approve' },
  { t: 'enter', arn: arn('a'), state: 'Approve', input: { n: 2 }, at: T0 + 60_000 },
  { t: 'token', arn: arn('a'), state: 'Approve', token: 'tok-a', deadline: T0 + 3_600_000, at: T0 + 60_000 },
  { t: 'token-delivered', arn: arn('a'), token: 'tok-a', at: T0 + 60_001 },
  { t: 'outcome', arn: arn('a'), token: 'tok-a', outcome: 'success', output: { ok: true }, at: T0 + 70_000 },
  { t: 'exit', arn: arn('a'), state: 'Approve', output: { ok: true }, at: T0 + 70_000, next: null },
  { t: 'end', arn: arn('a'), status: 'SUCCEEDED', output: '{"ok":true}', at: T0 + 70_000 },
  {
    t: 'start',
    arn: arn('b'),
    machine: 'm',
    name: 'b',
    input: '{}',
    at: T0,
    timeoutAt: T0 + 86_400_000,
    startAt: 'Approve',
  },
  { t: 'enter', arn: arn('b'), state: 'Approve', input: {}, at: T0 },
  { t: 'token', arn: arn('b'), state: 'Approve', token: 'tok-b', deadline: null, at: T0 },
  { t: 'token-delivered', arn: arn('b'), token: 'tok-b', at: T0 },
  {
    t: 'start',
    arn: arn('c'),
    machine: 'm',
    name: 'c',
    input: '{}',
    at: T0,
    timeoutAt: null,
    startAt: 'Approve',
  },
  { t: 'token', arn: arn('c'), state: 'Approve', token: 'tok-c', deadline: null, at: T0 },
  { t: 'end', arn: arn('c'), status: 'ABORTED', at: T0 + 1 },
];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'karguzar-journal-'));
  dirs.push(d);
  return d;
}

function open(dataDir: string, snapshotEvery?: number) {
  const table = new ExecutionTable(new TokenRegistry(), (_m, state) => TYPES[state] ?? 'Unknown');
  const store = new JournaledState<Rec, PersistedState>(dataDir, table, snapshotEvery);
  store.recover();
  return { table, store };
}

const journalLines = (dataDir: string) =>
  readFileSync(join(dataDir, 'sfn/journal.jsonl'), 'utf8').split('\n').filter(Boolean);
const state = (table: ExecutionTable) => JSON.stringify(table.persisted());

describe('JournaledState with the execution fold', () => {
  it('replays the journal after a crash into exactly the state live operation had', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir);
    for (const r of RECORDS) live.store.commit(r);
    await live.store.durable();
    const before = state(live.table);
    // A crash: nothing is closed or snapshotted.

    // Act
    const replayed = open(dataDir);

    // Assert
    expect(state(replayed.table)).toBe(before);
    const a = replayed.table.get(arn('a'))!;
    expect(a.status).toBe('SUCCEEDED');
    expect(a.history.map((h) => h.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const b = replayed.table.get(arn('b'))!;
    expect(b.status).toBe('RUNNING');
    expect(b.park).toEqual({
      kind: 'token',
      state: 'Approve',
      token: 'tok-b',
      deadline: null,
      delivered: true,
    });
    expect(b.cursor).toEqual({ state: 'Approve', input: {}, entered: true });
    expect(replayed.table.tokens.pending('tok-b').arn).toBe(arn('b'));
    expect(replayed.table.tokens.status('tok-a')).toBe('completed');
    expect(replayed.table.tokens.status('tok-c')).toBe('closed');
    await live.store.close();
    await replayed.store.close();
  });

  it('applies a record at once and calls it durable only once it is in the journal', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir);

    // Act
    for (const r of RECORDS.slice(0, 5)) live.store.commit(r);
    const appliedAtOnce = live.table.get(arn('a'))?.park;
    const onDiskAtOnce = journalLines(dataDir).length;
    await live.store.durable();
    const onDiskWhenDurable = journalLines(dataDir).map((l) => (JSON.parse(l) as Rec).seq);

    // Assert
    expect(appliedAtOnce).toEqual({ kind: 'wait', state: 'Pause', until: T0 + 60_000, fired: false });
    expect(onDiskAtOnce).toBe(0);
    expect(onDiskWhenDurable).toEqual([1, 2, 3, 4, 5]);
    await live.store.close();
  });

  it('writes the records of one burst with one write and one fsync (group commit)', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir);
    const flushesBefore = live.store.stats.flushes;

    // Act: twenty records in one turn of the event loop, then one more on its own.
    for (const r of RECORDS) live.store.commit(r);
    await live.store.durable();
    const afterBurst = live.store.stats.flushes - flushesBefore;
    live.store.commit({ t: 'wait-fired', arn: arn('b'), at: T0 });
    await live.store.durable();

    // Assert
    expect(afterBurst).toBe(1);
    expect(live.store.stats.flushes - flushesBefore).toBe(2);
    expect(journalLines(dataDir)).toHaveLength(RECORDS.length + 1);
    await live.store.close();
  });

  it('writes what is pending when closed', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir);
    for (const r of RECORDS) live.store.commit(r);
    const before = state(live.table);

    // Act
    await live.store.close();
    const reopened = open(dataDir);

    // Assert
    expect(state(reopened.table)).toBe(before);
    await reopened.store.close();
  });

  it('ignores a torn last line but refuses a broken line in the middle', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir);
    for (const r of RECORDS.slice(0, 8)) live.store.commit(r);
    const before = state(live.table);
    await live.store.close();
    const file = join(dataDir, 'sfn/journal.jsonl');
    const intact = readFileSync(file, 'utf8');
    appendFileSync(file, '{"seq":9,"t":"wait","arn":"');

    // Act
    const torn = open(dataDir);
    const afterTear = state(torn.table);
    await torn.store.close();
    const lines = intact.split('\n');
    writeFileSync(file, [...lines.slice(0, 3), '{"seq":', ...lines.slice(3)].join('\n'));
    const corrupt = () => open(dataDir);

    // Assert
    expect(afterTear).toBe(before);
    expect(corrupt).toThrow(/corrupt at line 4/);
  });

  it('snapshots after N records and empties the journal; replay skips records already in the snapshot', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir, 4);
    const first = RECORDS.slice(0, 6);
    for (const r of first.slice(0, 3)) live.store.commit(r);
    await live.store.durable();
    const beforeThreshold = journalLines(dataDir).length;
    for (const r of first.slice(3)) live.store.commit(r);
    await live.store.durable();
    const before = state(live.table);
    const afterSnapshot = journalLines(dataDir);
    const snapshot = JSON.parse(readFileSync(join(dataDir, 'sfn/snapshot.json'), 'utf8')) as { seq: number };
    // A crash between the snapshot's rename and the journal's truncation: records 2–6, already in
    // the snapshot, are still in the journal (after `start`, which would rebuild the execution).
    writeFileSync(
      join(dataDir, 'sfn/journal.jsonl'),
      first
        .map((r, i) => `${JSON.stringify({ seq: i + 1, ...r })}\n`)
        .slice(1)
        .join(''),
    );

    // Act
    const replayed = open(dataDir, 4);

    // Assert
    expect(beforeThreshold).toBe(3);
    expect(snapshot.seq).toBe(6);
    expect(afterSnapshot).toEqual([]);
    expect(state(replayed.table)).toBe(before);
    expect(replayed.table.get(arn('a'))!.history).toHaveLength(4);
    await live.store.close();
    await replayed.store.close();
  });

  it('snapshots a large state only once the journal has grown as large, so snapshots cost no more than the journal', async () => {
    // Arrange: a snapshot is due after every record by count; executions of 2 KB inputs each.
    const dataDir = tempDir();
    const live = open(dataDir, 1);
    const start = (i: number): NewRec => ({
      t: 'start',
      arn: arn(`big-${i}`),
      machine: 'm',
      name: `big-${i}`,
      input: JSON.stringify({ text: 'x'.repeat(2000) }),
      at: T0,
      timeoutAt: null,
      startAt: 'Approve',
    });
    const snapshotsBefore = live.store.stats.snapshots;
    const snapshotBytesBefore = live.store.stats.snapshotBytes;

    // Act: 60 executions, one flush each.
    for (let i = 0; i < 60; i++) {
      live.store.commit(start(i));
      await live.store.durable();
    }

    // Assert: far fewer than 60 snapshots, and no more snapshot bytes than journal bytes (plus the last).
    const { snapshots, snapshotBytes, bytes } = live.store.stats;
    const lastSnapshot = readFileSync(join(dataDir, 'sfn/snapshot.json')).length;
    expect(snapshots - snapshotsBefore).toBeGreaterThan(1);
    expect(snapshots - snapshotsBefore).toBeLessThan(15);
    expect(snapshotBytes - snapshotBytesBefore).toBeLessThanOrEqual(2 * bytes + lastSnapshot);
    await live.store.close();
  });

  it('loses nothing when records keep coming while snapshots are written', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir, 3);
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    // Five copies of the records (other executions and tokens), each followed by a large record
    // of an unknown execution (journaled, no state) so that snapshots fall due often; a turn of
    // the event loop apart (some land while a snapshot is written), durable every third.
    const padding: NewRec = {
      t: 'exit',
      arn: arn('gone'),
      state: 'Prepare',
      output: { pad: 'x'.repeat(4000) },
      at: T0,
      next: null,
    };
    const copies = [1, 2, 3, 4, 5].flatMap((k) =>
      RECORDS.flatMap((r) => [
        JSON.parse(JSON.stringify(r).replace(/(:|tok-)([abc])\b/g, `$1$2${k}`)) as NewRec,
        padding,
      ]),
    );

    // Act
    for (const [i, r] of copies.entries()) {
      live.store.commit(r);
      await (i % 3 === 2 ? live.store.durable() : turn());
    }
    await live.store.durable();
    const before = state(live.table);
    const replayed = open(dataDir, 3);

    // Assert
    expect(live.store.stats.snapshots).toBeGreaterThan(5);
    expect(replayed.table.executions.size).toBe(15);
    expect(state(replayed.table)).toBe(before);
    await live.store.close();
    await replayed.store.close();
  });

  it('compacts at recovery: the state goes to a fresh snapshot and the journal starts empty', async () => {
    // Arrange
    const dataDir = tempDir();
    const live = open(dataDir);
    for (const r of RECORDS) live.store.commit(r);
    await live.store.durable();
    const before = state(live.table);

    // Act
    const replayed = open(dataDir);
    const lines = journalLines(dataDir);
    const next = replayed.store.commit({ t: 'wait-fired', arn: arn('b'), at: T0 });
    const snapshot = JSON.parse(readFileSync(join(dataDir, 'sfn/snapshot.json'), 'utf8')) as {
      seq: number;
      state: PersistedState;
    };

    // Assert
    expect(lines).toEqual([]);
    expect(snapshot.seq).toBe(RECORDS.length);
    expect(JSON.stringify(snapshot.state)).toBe(before);
    expect(next.seq).toBe(RECORDS.length + 1);
    await live.store.close();
    await replayed.store.close();
  });
});
