import { describe, expect, it } from 'vitest';
import { archiveDocument } from '../../../functions/modules/archive';
import { listHoldings, recordHolding } from '../../../functions/modules/archive/usecases/holdings.usecase';
import { ForbiddenError } from '../../../functions/platform/kernel/errors';
import { clerk } from '../documents/world';
import { archiveWorld, archivist } from './world';

describe('holdings', () => {
  it('lists an archived document under its case file, and follows its legal hold', async () => {
    // Arrange
    const deps = archiveWorld();
    const state = (await archiveDocument(deps, 't1', 'letter'))!;
    const doc = (await deps.documents.get('t1', 'letter'))!;

    // Act
    await recordHolding(deps, doc, { ...state, legalHold: true });
    const page = await listHoldings(
      deps,
      { ...archivist, tenantId: 't1' },
      { nomenclatureId: 'case5', limit: 10 },
    );

    // Assert
    expect(page.items).toEqual([
      expect.objectContaining({
        documentId: 'letter',
        number: 'Ə-7/26',
        retainedThrough: '2031-12-31',
        legalHold: true,
      }),
    ]);
  });

  it('is the archive role’s page only', async () => {
    const deps = archiveWorld();

    await expect(listHoldings(deps, clerk, { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
