import { describe, expect, it } from 'vitest';
import { caseFileDocuments } from '../../../functions/modules/archive/usecases/case-documents';
import { documentRecord } from '../../support/builders';
import { archiveWorld, archivist } from './world';

const keeper = { ...archivist, tenantId: 't1' };

describe('the documents of a case file of a year', () => {
  it('reads every kind, only the year’s, and keeps what `pick` takes', async () => {
    const deps = archiveWorld();
    deps.documents.seed({
      documents: [
        documentRecord('order-26', {
          kind: 'order',
          status: 'registered',
          nomenclatureId: 'case5',
          registration: {
            journalId: 'j',
            year: 2026,
            seq: 1,
            number: 'ƏMR-001',
            at: '2026-05-02T06:00:00.000Z',
          },
        }),
        documentRecord('letter-25', {
          kind: 'incoming',
          status: 'archived',
          nomenclatureId: 'case5',
          registration: {
            journalId: 'j',
            year: 2025,
            seq: 9,
            number: 'Ə-9/25',
            at: '2025-05-02T06:00:00.000Z',
          },
        }),
        documentRecord('other-case', {
          kind: 'incoming',
          status: 'archived',
          nomenclatureId: 'case-x',
          registration: {
            journalId: 'j',
            year: 2026,
            seq: 3,
            number: 'Ə-3/26',
            at: '2026-05-02T06:00:00.000Z',
          },
        }),
      ],
    });

    const all = await caseFileDocuments(deps, keeper, { nomenclatureId: 'case5', year: 2026 }, (d) => d.id);
    const archived = await caseFileDocuments(
      deps,
      keeper,
      { nomenclatureId: 'case5', year: 2026, status: ['archived'] },
      (d) => d.id,
    );
    const none = await caseFileDocuments(
      deps,
      keeper,
      { nomenclatureId: 'case5', year: 2026 },
      () => undefined,
    );

    expect(all.sort()).toEqual(['letter', 'order-26']);
    expect(archived).toEqual(['letter']);
    expect(none).toEqual([]);
  });
});
