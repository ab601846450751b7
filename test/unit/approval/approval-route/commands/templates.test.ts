import { describe, expect, it } from 'vitest';
import {
  createTemplate,
  updateTemplate,
} from '../../../../../functions/modules/approval/usecases/approval-route/commands/templates';
import type { ApprovalRouteTemplateData } from '../../../../../functions/modules/documents/domain/route-copy';
import { actor, employee, executionDeps, seedEmployees, TENANT } from '../../../../support/execution-deps';

const admin = actor('admin', ['admin']);
const data: ApprovalRouteTemplateData = {
  name: 'Maliyyə əmrləri',
  kinds: ['order'],
  classificationIds: ['cls-fin'],
  stages: [
    { kind: 'endorsement', mode: 'parallel', participants: [{ employeeId: 'lawyer' }], deadlineDays: 3 },
    { kind: 'signing', mode: 'sequential', participants: [{ employeeId: 'director' }] },
  ],
};

function world() {
  const w = executionDeps();
  seedEmployees(w.store, employee('lawyer'), employee('director'));
  w.store.seed('ref:classifications', {
    id: 'cls-fin',
    tenantId: TENANT,
    version: 1,
    createdAt: 'x',
    updatedAt: 'x',
    active: true,
  });
  return w;
}

describe('route template commands', () => {
  it('creates a template, sorted by its name, and replays it for a retried request', async () => {
    // Arrange
    const w = world();
    const key = { key: 'k-1', requestHash: 'h-1' };

    // Act
    const created = await createTemplate(w.deps, admin, data, key);
    const retried = await createTemplate(w.deps, admin, data, key);

    // Assert
    expect(created).toMatchObject({
      ...data,
      tenantId: TENANT,
      version: 1,
      createdAt: '2026-03-02T06:00:00.000Z',
    });
    expect(retried.id).toBe(created.id);
    expect(w.store.all('route-template', TENANT)).toHaveLength(1);
    expect(w.store.writes[0]!.options).toMatchObject({ actorId: 'admin', sortKey: 'maliyyə əmrləri' });
  });

  it('checks the stages, the participants and the classifications before writing', async () => {
    // Arrange
    const w = world();

    // Act
    const signingFirst = createTemplate(w.deps, admin, { ...data, stages: [...data.stages].reverse() });
    const unknownPerson = createTemplate(w.deps, admin, {
      ...data,
      stages: [{ kind: 'endorsement', mode: 'parallel', participants: [{ employeeId: 'ghost' }] }],
    });
    const unknownClass = createTemplate(w.deps, admin, { ...data, classificationIds: ['cls-none'] });
    const pastDate = createTemplate(w.deps, admin, {
      ...data,
      stages: [
        {
          kind: 'endorsement',
          mode: 'parallel',
          participants: [{ employeeId: 'lawyer' }],
          deadlineDate: '2026-03-01',
        },
      ],
    });

    // Assert
    await expect(signingFirst).rejects.toMatchObject({ code: 'route_endorse_before_signing' });
    await expect(unknownPerson).rejects.toMatchObject({
      issues: [{ path: 'stages.0.participants.0.employeeId' }],
    });
    await expect(unknownClass).rejects.toMatchObject({ issues: [{ path: 'classificationIds.0' }] });
    await expect(pastDate).rejects.toMatchObject({ code: 'due_date_in_past' });
    expect(w.store.writes).toEqual([]);
  });

  it('updates a template over the version the admin saw, and refuses a stale one', async () => {
    // Arrange
    const w = world();
    const created = await createTemplate(w.deps, admin, data);

    // Act
    const updated = await updateTemplate(w.deps, admin, created.id, { ...data, name: 'Yeni ad' }, 1);
    const stale = updateTemplate(w.deps, admin, created.id, { ...data, name: 'Köhnə' }, 1);

    // Assert
    expect(updated).toMatchObject({ name: 'Yeni ad', version: 2 });
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
  });
});
