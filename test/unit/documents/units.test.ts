import { describe, expect, it } from 'vitest';
import {
  createDocument,
  updateDocument,
} from '../../../functions/modules/documents/usecases/register.usecase';
import { backfillParticipantUnits, unitsOf } from '../../../functions/modules/documents/usecases/units';
import { documentRecord } from '../../support/builders';
import { treeActor } from '../../support/org-tree';
import { internal, needToKnowWorld as world } from './world';

const secop = treeActor('secop', ['executor']);

describe("participants' units", () => {
  it('are the departments of the participants and every department above them', async () => {
    // Arrange
    const deps = world();

    // Act + Assert
    expect(await unitsOf(deps, 't1', ['secop'])).toEqual(['board', 'it', 'security']);
    expect(await unitsOf(deps, 't1', ['lawyer', 'clerk'])).toEqual(['board', 'legal', 'registry']);
    expect(await unitsOf(deps, 't1', ['nobody'])).toEqual([]);
  });

  it('are written with a new document and follow its participants when they change', async () => {
    // Arrange
    const deps = world();
    const memo = await createDocument(deps, secop, 'internal', internal({ summary: 'memo' }));

    // Act
    const edited = await updateDocument(deps, secop, memo.id, 'internal', {
      ...internal({ summary: 'memo', signatoryId: 'lawyer' }),
      version: memo.version,
    });

    // Assert
    expect(memo.participantUnits).toEqual(['board', 'it', 'security']);
    expect(edited.participantUnits).toEqual(['board', 'it', 'legal', 'security']);
  });

  it('are given to documents stored before them by the start-up backfill', async () => {
    // Arrange
    const deps = world();
    deps.documents.seed({ documents: [documentRecord('old', { participants: ['dev'] })] });

    // Act
    const first = await backfillParticipantUnits(deps);

    // Assert
    expect(first).toEqual({ updated: 1 });
    expect((await deps.documents.get('t1', 'old'))?.participantUnits).toEqual(['board', 'it']);
  });
});
