import { describe, expect, it } from 'vitest';
import {
  checkJournalQuery,
  journalPage,
  journalRows,
} from '../../../functions/modules/reports/usecases/journal.usecase';
import { TENANT } from '../../support/builders';
import { reportWorld, scopeOf } from './world';

describe('journalPage', () => {
  it('lists the registered documents of the period in registration order, with need-to-know', async () => {
    const deps = reportWorld();
    const page = await journalPage(deps, scopeOf('reg', true), {
      kind: 'incoming',
      limit: 50,
      registered: '02.03.2026',
    });
    expect(page.items.map((r) => r.number)).toEqual(['D-1/26', 'D-2/26', 'D-3/26', 'D-4/26', 'D-5/26']);
    expect(page.items[0]).toMatchObject({ seq: 1, classification: 'Müraciət', party: 'Vətəndaş 1' });
    const mine = await journalPage(deps, scopeOf('exec'), { kind: 'incoming', limit: 50 });
    expect(mine.items).toHaveLength(4);
    expect(
      (await journalPage(deps, scopeOf('reg', true), { kind: 'incoming', limit: 50, journalId: 'j2' })).items,
    ).toEqual([]);
    const rows = [];
    for await (const r of journalRows(deps, scopeOf('reg', true), { kind: 'incoming' })) rows.push(r.seq);
    expect(rows).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses an unknown journal', async () => {
    await expect(checkJournalQuery(reportWorld(), TENANT, { journalId: 'nope' })).rejects.toMatchObject({
      code: 'unknown_reference',
    });
  });
});
