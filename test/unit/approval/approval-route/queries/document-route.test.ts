import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../../functions/platform/kernel/errors';
import { getRoute } from '../../../../../functions/modules/approval/usecases/approval-route/queries/document-route';
import {
  actor,
  executionDeps,
  incoming,
  orderDraft,
  orderInAgreement,
  routeTemplate,
} from '../../../../support/execution-deps';

describe('getRoute (the Viza tab)', () => {
  it('proposes the template of the document’s kind and classification while it has no route of its own', async () => {
    // Arrange
    const w = executionDeps();
    w.store.seed('route-template', routeTemplate('general', { name: 'Ümumi' }), { sortKey: 'a' });
    w.store.seed(
      'route-template',
      routeTemplate('finance', { name: 'Maliyyə', classificationIds: ['cls-fin'] }),
      {
        sortKey: 'b',
      },
    );
    w.documents.seed({ documents: [orderDraft('ord-1', { classificationId: 'cls-fin' })] });

    // Act
    const view = await getRoute(w.deps, actor('author'), 'ord-1');

    // Assert
    expect(view).toMatchObject({
      documentId: 'ord-1',
      documentVersion: 1,
      route: { templateId: 'finance', templateName: 'Maliyyə', state: 'draft', round: 0, steps: [] },
      actions: ['edit', 'start'],
    });
  });

  it('takes the template the registry office named on an incoming document', async () => {
    // Arrange
    const w = executionDeps();
    w.store.seed('route-template', routeTemplate('general', { kinds: ['incoming'] }), { sortKey: 'a' });
    w.store.seed(
      'route-template',
      routeTemplate('named', { kinds: ['incoming'], classificationIds: ['x'] }),
      { sortKey: 'b' },
    );
    w.documents.seed({
      documents: [
        incoming('doc-1', {
          incoming: { sender: { kind: 'citizen', name: 'A' }, distribution: [], routeTemplateId: 'named' },
        }),
      ],
    });

    // Act
    const view = await getRoute(w.deps, actor('clerk', ['clerk']), 'doc-1');

    // Assert
    expect(view.route?.templateId).toBe('named');
  });

  it('shows a running route without its task tokens, and offers nothing to change', async () => {
    // Arrange
    const w = executionDeps();
    w.documents.seed({
      documents: [orderInAgreement(['lawyer'], ['end-1'])],
    });

    // Act
    const view = await getRoute(w.deps, actor('author'), 'ord-1');

    // Assert
    expect(view.actions).toEqual([]);
    expect(view.route!.steps[0]).not.toHaveProperty('taskToken');
    expect(view.route!.steps[0]).toMatchObject({ state: 'active', employeeIds: ['lawyer'] });
  });

  it('gives no route and no start without a template, and is a 404 to a stranger', async () => {
    // Arrange
    const w = executionDeps();
    w.documents.seed({ documents: [orderDraft('ord-1')] });

    // Act
    const view = await getRoute(w.deps, actor('author'), 'ord-1');

    // Assert
    expect(view).toMatchObject({ route: null, actions: ['edit'] });
    await expect(getRoute(w.deps, actor('stranger'), 'ord-1')).rejects.toBeInstanceOf(NotFoundError);
  });
});
