import { describe, expect, it } from 'vitest';
import { assertParticipants } from '../../../../functions/modules/approval/usecases/approval-route/participants';
import { employee, executionDeps, seedEmployees, TENANT } from '../../../support/execution-deps';

describe('route participants', () => {
  it('accepts active employees and positions of the tenant', async () => {
    // Arrange
    const w = executionDeps();
    seedEmployees(w.store, employee('lawyer'));
    w.store.seed('position', {
      id: 'pos-1',
      tenantId: TENANT,
      version: 1,
      createdAt: 'x',
      updatedAt: 'x',
      active: true,
    });

    // Act
    const check = assertParticipants(w.deps, TENANT, [
      {
        kind: 'endorsement',
        mode: 'parallel',
        participants: [{ employeeId: 'lawyer' }, { positionId: 'pos-1' }],
      },
    ]);

    // Assert
    await expect(check).resolves.toBeUndefined();
  });

  it('names the first inactive or unknown participant by its place in the stages', async () => {
    // Arrange
    const w = executionDeps();
    seedEmployees(w.store, employee('lawyer'), employee('gone', { active: false }));

    // Act
    const check = assertParticipants(w.deps, TENANT, [
      { kind: 'endorsement', mode: 'parallel', participants: [{ employeeId: 'lawyer' }] },
      {
        kind: 'signing',
        mode: 'sequential',
        participants: [{ employeeId: 'lawyer' }, { employeeId: 'gone' }],
      },
    ]);

    // Assert
    await expect(check).rejects.toMatchObject({
      code: 'unknown_reference',
      issues: [{ path: 'stages.1.participants.1.employeeId' }],
    });
  });
});
