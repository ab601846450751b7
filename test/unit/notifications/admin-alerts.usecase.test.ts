import { describe, expect, it } from 'vitest';
import { adminAlerts } from '../../../functions/modules/notifications/usecases/admin-alerts.usecase';
import { documentRecord, employee, position } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const problem = (kind: 'missing' | 'damaged') => ({
  document: documentRecord('doc-1', { summary: 'Müqavilə' }),
  fileName: 'scan.pdf',
  problem: kind,
  key: `integrity:doc-1:c1:${kind}`,
});

describe('adminAlerts', () => {
  it('tells the active holders of active admin positions, page after page, about a missing file', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('position', position('admin-pos', { roles: ['admin'] }));
    deps.store.seed('position', position('old-admin-pos', { roles: ['admin'], active: false }));
    deps.store.seed('position', position('clerk-pos', { roles: ['clerk'] }));
    for (let i = 0; i < 120; i++)
      deps.store.seed(
        'employee',
        employee(`clerk-${String(i).padStart(3, '0')}`, { positionIds: ['clerk-pos'] }),
      );
    deps.store.seed('employee', employee('zz-admin', { positionIds: ['clerk-pos', 'admin-pos'] }));
    deps.store.seed('employee', employee('zz-former', { positionIds: ['old-admin-pos'] }));
    deps.store.seed('employee', employee('zz-left', { positionIds: ['admin-pos'], active: false }));

    // Act
    await adminAlerts(deps).contentProblem(problem('missing'));

    // Assert
    expect(deps.email.sent.map((m) => [m.to, m.subject])).toEqual([
      [['zz-admin@agency.az'], 'Fayl itib: Müqavilə'],
    ]);
    expect(deps.email.sent[0]!.text).toContain('„scan.pdf”');
    expect(deps.email.sent[0]!.text).toContain('tab=contents');
  });

  it('sends the damaged-file notice once per admin even when the alert is raised again', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('position', position('admin-pos', { roles: ['admin'] }));
    deps.store.seed('employee', employee('admin', { positionIds: ['admin-pos'] }));
    const alerts = adminAlerts(deps);

    // Act
    await alerts.contentProblem(problem('damaged'));
    await alerts.contentProblem(problem('damaged'));

    // Assert
    expect(deps.email.sent.map((m) => m.subject)).toEqual(['Fayl zədələnib: Müqavilə']);
  });

  it('does nothing in an agency without admins', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e1'));

    // Act
    await adminAlerts(deps).contentProblem(problem('missing'));

    // Assert
    expect(deps.email.sent).toEqual([]);
  });
});
