import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../../functions/platform/kernel/errors';
import {
  getTemplate,
  listTemplates,
} from '../../../../../functions/modules/approval/usecases/approval-route/queries/templates';
import { actor, executionDeps, routeTemplate } from '../../../../support/execution-deps';

describe('route template queries', () => {
  it('lists every template of the agency by name, page after page', async () => {
    // Arrange: more templates than one page of the store holds.
    const w = executionDeps();
    for (let i = 0; i < 130; i++) {
      const t = routeTemplate(`tpl-${String(i).padStart(3, '0')}`, {
        name: `Şablon ${String(129 - i).padStart(3, '0')}`,
      });
      w.store.seed('route-template', t, { sortKey: t.name.toLocaleLowerCase('az') });
    }
    w.store.seed('route-template', { ...routeTemplate('foreign'), tenantId: 't2' });

    // Act
    const all = await listTemplates(w.deps, actor('author'));

    // Assert
    expect(all).toHaveLength(130);
    expect(all[0]!.name).toBe('Şablon 000');
    expect(all.at(-1)!.name).toBe('Şablon 129');
  });

  it('gets one template of the tenant, and 404 for another tenant’s', async () => {
    // Arrange
    const w = executionDeps();
    w.store.seed('route-template', routeTemplate('tpl-1'));
    w.store.seed('route-template', { ...routeTemplate('tpl-2'), tenantId: 't2' });

    // Act / Assert
    await expect(getTemplate(w.deps, actor('author'), 'tpl-1')).resolves.toMatchObject({ id: 'tpl-1' });
    await expect(getTemplate(w.deps, actor('author'), 'tpl-2')).rejects.toBeInstanceOf(NotFoundError);
  });
});
