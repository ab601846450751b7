import { describe, expect, it } from 'vitest';
import { routes } from '../../../../functions/api/routes';
import { operations } from '../../../../functions/modules/documents/domain/status';
import { ownRouteOf, withOwnRoute } from '../../../../functions/modules/documents/api/own-routes';
import { hasOwnRoute } from '../../../../functions/modules/documents/usecases/operations.usecase';
import { BusinessRuleError } from '../../../../functions/platform/kernel/errors';

const doc = { id: '11111111-2222-4333-8444-555555555555', kind: 'incoming' as const };

/** A concrete path of the route table: its `{param}` segments match any segment. */
function inTable(route: string): boolean {
  const [method, path] = route.split(' ');
  return routes.some((r) => {
    if (r.method !== method) return false;
    const template = r.path.split('/');
    const actual = path!.split('/');
    return (
      template.length === actual.length &&
      template.every((seg, i) => /^\{\w+\}$/.test(seg) || seg === actual[i])
    );
  });
}

describe('the routes of operations that operations/{op} refuses', () => {
  it('every such operation names a route that the route table serves', () => {
    // Arrange
    const own = operations.filter(hasOwnRoute);

    // Act
    const named = own.map((op) => [op, ownRouteOf(op, doc)]);

    // Assert
    expect(own).toEqual(['update', 'attach', 'link', 'group-update', 'send', 'resolve', 'execute']);
    for (const [op, route] of named) expect(route && inTable(route), `${op}: ${route}`).toBe(true);
    expect(ownRouteOf('execute', doc)).toBe(
      `POST /api/v1/documents/${doc.id}/assignments/{assignmentId}/accept`,
    );
    expect(ownRouteOf('sign', doc)).toBeUndefined();
  });

  it('the use case’s refusal gains the route; other errors pass unchanged', () => {
    // Arrange
    const refusal = new BusinessRuleError('operation_has_own_route', 'own route', {
      operation: 'resolve',
      documentId: doc.id,
      kind: doc.kind,
    });
    const other = new BusinessRuleError('no_journal', 'no journal');

    // Act
    const named = withOwnRoute(refusal) as BusinessRuleError;

    // Assert
    expect(named.params).toMatchObject({ route: `POST /api/v1/documents/${doc.id}/resolutions` });
    expect(withOwnRoute(other)).toBe(other);
  });
});
