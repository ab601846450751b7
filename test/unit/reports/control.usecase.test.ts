import { describe, expect, it } from 'vitest';
import {
  checkControlQuery,
  controlPage,
  controlRows,
} from '../../../functions/modules/reports/usecases/control.usecase';
import { TENANT } from '../../support/builders';
import { reportWorld, scopeOf } from './world';

const q = { limit: 50 } as const;

describe('controlPage', () => {
  it('classifies every controlled resolution, with working days left or late and the brochure columns', async () => {
    const deps = reportWorld();
    const out = await controlPage(deps, scopeOf('ctrl'), { ...q, report: 'all' });
    const by = new Map(out.items.map((r) => [r.documentId, r]));
    expect(out.items).toHaveLength(4);
    expect(by.get('doc-1')).toMatchObject({ state: 'on-time', overdue: false, workingDays: 4 });
    expect(by.get('doc-2')).toMatchObject({ state: 'late', overdue: false, workingDays: -2 });
    expect(by.get('doc-3')).toMatchObject({ state: 'not-executed', overdue: true, workingDays: -2 });
    expect(by.get('doc-4')).toMatchObject({ state: 'not-executed', overdue: false, workingDays: 4 });
    expect(by.get('doc-1')).toMatchObject({
      number: 'D-1/26',
      registeredOn: '2026-03-02',
      classification: 'Müraciət',
      party: 'Vətəndaş 1',
      department: 'Ümumi şöbə',
      executor: 'Əliyev Çingiz',
      controller: 'İsmayılova Gülşən',
      actedBy: 'Əliyev Çingiz',
      actedAt: '2026-03-01T08:00:00.000Z',
    });
    expect(out.nextCursor).toBeUndefined();
  });

  it('gives each report its rows and applies the filters', async () => {
    const deps = reportWorld();
    const ids = async (extra: Record<string, string>) =>
      (await controlPage(deps, scopeOf('ctrl'), { ...q, report: 'all', ...extra })).items.map(
        (r) => r.documentId,
      );
    expect(await ids({ report: 'overdue' })).toEqual(['doc-3']);
    expect(await ids({ report: 'on-time' })).toEqual(['doc-1']);
    expect(await ids({ report: 'late' })).toEqual(['doc-2']);
    expect(await ids({ report: 'not-executed' })).toEqual(['doc-3', 'doc-4']);
    // A department takes in its sub-departments.
    expect(await ids({ departmentId: 'dep-top' })).toHaveLength(4);
    expect(await ids({ departmentId: 'dep-other' })).toEqual([]);
    expect(await ids({ executorId: 'someone' })).toEqual([]);
    expect(await ids({ controllerId: 'ctrl' })).toHaveLength(4);
    expect(await ids({ registered: '01.03.2026' })).toEqual([]);
  });

  it('honours need-to-know: a stranger sees nothing, the registry office everything', async () => {
    const deps = reportWorld();
    expect((await controlPage(deps, scopeOf('stranger'), { ...q, report: 'all' })).items).toEqual([]);
    expect((await controlPage(deps, scopeOf('reg', true), { ...q, report: 'all' })).items).toHaveLength(4);
  });

  it('reads a bounded number of documents per call and goes on with the cursor', async () => {
    const deps = reportWorld();
    const seen: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const page = await controlPage(
        deps,
        scopeOf('ctrl'),
        { ...q, report: 'all', ...(cursor ? { cursor } : {}) },
        1,
      );
      seen.push(...page.items.map((r) => r.documentId));
      cursor = page.nextCursor;
      calls += 1;
    } while (cursor);
    expect(seen).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4']);
    expect(calls).toBeGreaterThanOrEqual(4);
    const all: string[] = [];
    for await (const r of controlRows(deps, scopeOf('ctrl'), { report: 'all' })) all.push(r.documentId);
    expect(all).toEqual(seen);
  });

  it('refuses unknown references and a malformed period', async () => {
    const deps = reportWorld();
    await expect(
      checkControlQuery(deps, TENANT, { report: 'all', executorId: 'nobody' }),
    ).rejects.toMatchObject({
      code: 'unknown_reference',
    });
    await expect(
      checkControlQuery(deps, TENANT, { report: 'all', registered: '99.99.2026' }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});
