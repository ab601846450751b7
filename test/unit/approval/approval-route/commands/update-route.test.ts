import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../../../functions/platform/kernel/errors';
import { updateRoute } from '../../../../../functions/modules/approval/usecases/approval-route/commands/update-route';
import type { ApprovalStage } from '../../../../../functions/modules/documents/domain/route-copy';
import {
  actor,
  employee,
  executionDeps,
  orderDraft,
  orderInAgreement,
  routeTemplate,
  seedEmployees,
  TENANT,
} from '../../../../support/execution-deps';

const stages: ApprovalStage[] = [
  {
    kind: 'endorsement',
    mode: 'sequential',
    participants: [{ employeeId: 'lawyer' }, { employeeId: 'finance' }],
  },
];

function world() {
  const w = executionDeps();
  seedEmployees(w.store, employee('lawyer'), employee('finance'));
  w.store.seed('route-template', routeTemplate('tpl-order', { name: 'Əmrlər' }));
  w.store.seed('route-template', routeTemplate('tpl-incoming', { kinds: ['incoming'] }));
  w.documents.seed({ documents: [orderDraft('ord-1')] });
  return w;
}

describe('updateRoute', () => {
  it('the author sets the stages of the draft route, naming the template it started from', async () => {
    // Arrange
    const w = world();

    // Act
    const view = await updateRoute(w.deps, actor('author'), 'ord-1', {
      version: 1,
      templateId: 'tpl-order',
      stages,
    });

    // Assert
    expect(view).toMatchObject({
      documentVersion: 2,
      route: { templateId: 'tpl-order', templateName: 'Əmrlər', state: 'draft', round: 0, stages, steps: [] },
      actions: ['edit', 'start'],
    });
    const [entry] = (await w.documents.operations(TENANT, 'ord-1', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'route-edit', changes: [{ field: 'route', after: stages }] });
  });

  it('refuses a template made for another kind of document as an unknown reference', async () => {
    // Arrange
    const w = world();

    // Act
    const attempt = updateRoute(w.deps, actor('author'), 'ord-1', {
      version: 1,
      templateId: 'tpl-incoming',
      stages,
    });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'unknown_reference',
      issues: [{ path: 'templateId' }],
    });
  });

  it('refuses a running route (409), someone who may not shape it (403) and a stale version, writing nothing', async () => {
    // Arrange
    const w = world();
    w.documents.seed({
      documents: [
        orderInAgreement(['lawyer'], ['e'], 'ord-2'),
        orderDraft('ord-3', { participants: ['author', 'lawyer'] }),
      ],
    });

    // Act
    const running = updateRoute(w.deps, actor('author'), 'ord-2', { version: 1, stages });
    const lawyer = updateRoute(w.deps, actor('lawyer'), 'ord-3', { version: 1, stages });
    const stale = updateRoute(w.deps, actor('author'), 'ord-1', { version: 3, stages });

    // Assert
    await expect(running).rejects.toMatchObject({ code: 'route_running' });
    await expect(lawyer).rejects.toBeInstanceOf(ForbiddenError);
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    expect(w.documents.commits).toEqual([]);
  });
});
