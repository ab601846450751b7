import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmbeddedSearchIndex,
  type EmbeddedSearchIndex,
} from '../../../functions/modules/search/embedded';
import { searchDoc, searchQuery } from '../../support/search-docs';

let root: string;
let dir: string;
const open: EmbeddedSearchIndex[] = [];
const openIndex = (options: { snapshotAfterOps?: number } = {}) => {
  const index = createEmbeddedSearchIndex({ dir, ...options });
  open.push(index);
  return index;
};
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'karguzar-search-'));
  dir = join(root, 'search');
});
afterEach(async () => {
  for (const index of open.splice(0)) await index.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every id of tenant t1 the registry sees, through the pages. */
async function allIds(index: EmbeddedSearchIndex, tenantId = 't1'): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await index.search(searchQuery({ tenantId, size: 100, ...(cursor ? { cursor } : {}) }));
    out.push(...page.hits.map((h) => h.id));
    cursor = page.nextCursor;
  } while (cursor);
  return out.sort();
}
const summaryOf = async (index: EmbeddedSearchIndex, id: string) => {
  const result = await index.search(searchQuery({ size: 100 }));
  return result.hits.find((h) => h.id === id)?.summary;
};

describe('embedded search: versions', () => {
  it('ignores an upsert that is not newer than the indexed version', async () => {
    const index = openIndex();
    await index.upsert([searchDoc({ id: 'a', version: '2026-03-02T10:00:00.000Z', summary: 'ikinci' })]);
    await index.upsert([searchDoc({ id: 'a', version: '2026-03-02T09:00:00.000Z', summary: 'birinci' })]);
    await index.upsert([searchDoc({ id: 'a', version: '2026-03-02T10:00:00.000Z', summary: 'eyni' })]);
    expect(await summaryOf(index, 'a')).toBe('ikinci');
    await index.upsert([searchDoc({ id: 'a', version: '2026-03-02T11:00:00.000Z', summary: 'üçüncü' })]);
    expect(await summaryOf(index, 'a')).toBe('üçüncü');
    expect((await index.search(searchQuery({ text: 'ikinci' }))).total).toBe(0);
    expect((await index.search(searchQuery({ text: 'üçüncü' }))).total).toBe(1);
  });

  it('compares numeric versions as numbers', async () => {
    const index = openIndex();
    await index.upsert([searchDoc({ id: 'a', version: '10', summary: 'on' })]);
    await index.upsert([searchDoc({ id: 'a', version: '9', summary: 'doqquz' })]);
    expect(await summaryOf(index, 'a')).toBe('on');
  });

  it('keeps a tombstone so that a late older upsert does not bring a removed item back', async () => {
    const index = openIndex();
    await index.upsert([searchDoc({ id: 'a', version: '3' }), searchDoc({ id: 'b', version: '3' })]);
    await index.remove([{ tenantId: 't1', id: 'a', version: '2' }]); // older than the item: ignored
    expect(await allIds(index)).toEqual(['a', 'b']);
    await index.remove([{ tenantId: 't1', id: 'a', version: '4' }]);
    await index.upsert([searchDoc({ id: 'a', version: '3' })]);
    await index.remove([{ tenantId: 't1', id: 'never-seen', version: '7' }]);
    await index.upsert([searchDoc({ id: 'never-seen', version: '6' })]);
    expect(await allIds(index)).toEqual(['b']);
    expect(await index.count('t1')).toBe(1);
    await index.upsert([searchDoc({ id: 'a', version: '5' })]);
    expect(await allIds(index)).toEqual(['a', 'b']);
  });

  it('applies concurrent writes in order and makes them all durable', async () => {
    const index = openIndex();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        index.upsert([searchDoc({ id: `c${i % 10}`, version: String(i), summary: `v${i}` })]),
      ),
    );
    for (let i = 0; i < 10; i++) expect(await summaryOf(index, `c${i}`)).toBe(`v${30 + i}`);
  });
});

describe('embedded search: persistence', () => {
  it('is empty until something is written, and keeps items and tombstones across a reopen', async () => {
    const first = openIndex({ snapshotAfterOps: 10 });
    expect(first.isEmpty()).toBe(true);
    await first.upsert(
      Array.from({ length: 25 }, (_, i) => searchDoc({ id: `p${i}`, summary: `söz${i} ərizə` })),
    );
    await first.upsert([searchDoc({ id: 'q', tenantId: 't2', summary: 'başqa' })]);
    await first.remove([{ tenantId: 't1', id: 'p0', version: '9' }]);
    expect(first.isEmpty()).toBe(false);
    await first.close();
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.startsWith('log-'))).toHaveLength(1);
    expect(readdirSync(join(dir, 'tenants'))).toHaveLength(2);

    const second = openIndex();
    expect(second.isEmpty()).toBe(false);
    expect(await second.count('t1')).toBe(24);
    expect(await second.count('t2')).toBe(1);
    expect((await second.search(searchQuery({ text: 'söz7' }))).hits.map((h) => h.id)).toEqual(['p7']);
    await second.upsert([searchDoc({ id: 'p0', version: '1' })]);
    expect(await second.count('t1')).toBe(24);
  });

  it('rebuilds the index from the stored items when the analysis changed', async () => {
    const first = openIndex();
    await first.upsert([searchDoc({ id: 'a', summary: 'yanğın' })]);
    await first.close();
    const snapshot = join(dir, 'tenants', readdirSync(join(dir, 'tenants'))[0] ?? '');
    const [header = '', ...rest] = readFileSync(snapshot, 'utf8').split('\n');
    writeFileSync(
      snapshot,
      [JSON.stringify({ ...JSON.parse(header), analysis: 'older' }), '{}', ...rest.slice(1)].join('\n'),
    );
    const second = openIndex();
    expect((await second.search(searchQuery({ text: 'yanğın' }))).hits.map((h) => h.id)).toEqual(['a']);
  });

  it('refuses a second engine on the same folder, and takes over the lock of a dead process', async () => {
    const first = openIndex();
    expect(() => createEmbeddedSearchIndex({ dir })).toThrow(/already open/);
    await first.close();
    writeFileSync(join(dir, 'LOCK'), String(process.ppid)); // a live process that is not this one
    expect(() => createEmbeddedSearchIndex({ dir })).toThrow(/open in process/);
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(dir, 'LOCK'), String(gone.pid));
    const second = openIndex();
    await second.upsert([searchDoc({ id: 'a' })]);
    expect(await second.count('t1')).toBe(1);
  });

  it('cuts a torn last line of the log and goes on', async () => {
    const first = openIndex();
    await first.upsert([searchDoc({ id: 'a' }), searchDoc({ id: 'b' })]);
    await first.close();
    const log = join(dir, readdirSync(dir).find((f) => f.startsWith('log-')) ?? '');
    // What a crash during a write leaves: the start of a line that was never acknowledged.
    appendFileSync(log, '{"s":99,"t":"t1","u":{"tenantId":"t1","id":"torn","vers');
    const second = openIndex();
    expect(await allIds(second)).toEqual(['a', 'b']);
    await second.upsert([searchDoc({ id: 'c' })]);
    await second.close();
    const third = openIndex();
    expect(await allIds(third)).toEqual(['a', 'b', 'c']);
  });

  it('loses no acknowledged write when the writing process is killed (kill -9)', async () => {
    const script = join(import.meta.dirname, '../../support/search-crash-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const upserted = new Set<string>();
    const removed = new Set<string>();
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error('the writer stopped by itself')));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const [kind, list = ''] = line.split(' ');
        for (const id of list.split(',').filter(Boolean)) (kind === 'u' ? upserted : removed).add(id);
        if (upserted.size >= 1500) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await exited;
    const index = openIndex();
    const present = new Set(await allIds(index));
    const lost = [...upserted].filter((id) => !removed.has(id) && !present.has(id));
    const back = [...removed].filter((id) => present.has(id));
    expect(lost).toEqual([]);
    expect(back).toEqual([]);
    expect(present.size).toBeGreaterThanOrEqual(upserted.size - removed.size);
  });
});

describe('embedded search: stored postings', () => {
  const scored = async (index: EmbeddedSearchIndex, text: string) =>
    (await index.search(searchQuery({ text, size: 100 }))).hits.map((h) => [
      h.id,
      h.score,
      h.highlights.map((x) => x.fragments.join(' ')).join(' | '),
    ]);

  it('finds, ranks and highlights the same after a reopen from the stored postings, with replaced and removed items', async () => {
    const first = openIndex();
    await first.upsert(
      Array.from({ length: 30 }, (_, i) =>
        searchDoc({
          id: `p${i}`,
          summary: `yanğın ${'ərizə '.repeat(i % 4)}söz${i}`,
          parties: [`Əliyev ${i % 3 === 0 ? 'Vüqar' : 'Rəşad'}`],
          registrationNumber: `D-${i}/26`,
        }),
      ),
    );
    await first.upsert([searchDoc({ id: 'p3', version: '2', summary: 'təzə mətn yanğın' })]);
    await first.remove([
      { tenantId: 't1', id: 'p4', version: '2' },
      { tenantId: 't1', id: 'p5', version: '2' },
    ]);
    const texts = ['yanğın', 'ərizə', 'vüq', 'd-1', 'təzə', 'söz3'];
    const before = await Promise.all(texts.map((t) => scored(first, t)));
    expect(before[0]).toHaveLength(28);
    await first.close();

    const snapshot = readdirSync(join(dir, 'tenants'))[0] ?? '';
    const header = JSON.parse(readFileSync(join(dir, 'tenants', snapshot), 'utf8').split('\n')[0] ?? '') as {
      format: number;
      terms: number;
    };
    expect(header.format).toBe(2);
    expect(header.terms).toBeGreaterThan(30);

    const second = openIndex();
    expect(await Promise.all(texts.map((t) => scored(second, t)))).toEqual(before);
    await second.upsert([searchDoc({ id: 'p31', summary: 'yanğın sonradan' })]);
    expect((await scored(second, 'sonra')).map(([id]) => id)).toEqual(['p31']);
  });

  it('reads a snapshot of the first format (no postings) and indexes its items again', async () => {
    const first = openIndex();
    await first.upsert([
      searchDoc({ id: 'a', summary: 'yanğın' }),
      searchDoc({ id: 'b', summary: 'məktub' }),
    ]);
    await first.remove([{ tenantId: 't1', id: 'c', version: '5' }]);
    await first.close();
    const snapshot = join(dir, 'tenants', readdirSync(join(dir, 'tenants'))[0] ?? '');
    const [header = '', , a = '', b = '', tomb = ''] = readFileSync(snapshot, 'utf8').split('\n');
    const old: Record<string, unknown> = { ...(JSON.parse(header) as Record<string, unknown>), format: 1 };
    delete old.terms;
    writeFileSync(snapshot, [JSON.stringify(old), '{"documentCount":2}', a, b, tomb, ''].join('\n'));

    const second = openIndex();
    expect((await second.search(searchQuery({ text: 'yanğın' }))).hits.map((h) => h.id)).toEqual(['a']);
    await second.upsert([searchDoc({ id: 'c', version: '4', summary: 'yanğın' })]);
    expect(await second.count('t1')).toBe(2);
  });

  it('keeps finding the current version after many replacements compact the postings', async () => {
    const index = openIndex();
    for (let v = 1; v <= 1200; v += 200)
      await index.upsert(
        Array.from({ length: 200 }, (_, i) =>
          searchDoc({ id: 'x', version: String(v + i), summary: `söz${v + i} yanğın` }),
        ),
      );
    await index.upsert([searchDoc({ id: 'y', summary: 'yanğın' })]);
    const result = await index.search(searchQuery({ text: 'yanğın' }));
    expect(result.hits.map((h) => h.id).sort()).toEqual(['x', 'y']);
    expect((await index.search(searchQuery({ text: 'söz1200' }))).hits.map((h) => h.id)).toEqual(['x']);
    expect((await index.search(searchQuery({ text: 'söz1199' }))).total).toBe(0);
  });
});
