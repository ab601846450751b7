import { describe, expect, it } from 'vitest';
import { closedBelow, isOpenResolution } from '../../../../functions/modules/execution/domain/assignment';
import { assignment } from '../../../support/builders';

describe('closing a resolution', () => {
  it('ends every open assignment below it, at any depth: reports count as done, the rest is withdrawn', () => {
    // Arrange
    const tree = [
      assignment('res-1', { kind: 'resolution', parentId: undefined, status: 'closed' }),
      assignment('ex-1', { role: 'responsible', status: 'done' }),
      assignment('ex-2', { role: 'co-executor', status: 'pending' }),
      assignment('ex-3', { role: 'co-executor', status: 'returned' }),
      assignment('ex-4', { role: 'co-executor', status: 'reported' }),
      assignment('info-1', { kind: 'information', status: 'unread' }),
      assignment('sub-1', { kind: 'resolution', parentId: 'ex-4', status: 'open' }),
      assignment('ex-5', { parentId: 'sub-1', status: 'pending' }),
      assignment('sub-2', { kind: 'resolution', parentId: 'ex-4', status: 'executed' }),
      assignment('other', { parentId: 'res-9', status: 'pending' }),
    ];

    // Act
    const ended = closedBelow(tree, 'res-1').map((x) => [x.record.id, x.status]);

    // Assert: notices for information, finished work and other resolutions' work are left alone.
    expect(ended).toEqual([
      ['ex-2', 'withdrawn'],
      ['ex-3', 'withdrawn'],
      ['ex-4', 'done'],
      ['sub-1', 'withdrawn'],
      ['ex-5', 'withdrawn'],
    ]);
  });

  it('a resolution is open until it is executed or withdrawn', () => {
    // Arrange
    const statuses = ['open', 'closed', 'executed', 'withdrawn'] as const;

    // Act
    const open = statuses.map((status) => isOpenResolution(assignment('r', { kind: 'resolution', status })));

    // Assert
    expect(open).toEqual([true, true, false, false]);
  });
});
