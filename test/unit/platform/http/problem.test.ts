import { describe, expect, it } from 'vitest';
import { toProblem } from '../../../../functions/platform/http/problem';
import { BusinessRuleError } from '../../../../functions/platform/kernel/errors';

describe('the problem of an operation with a route of its own', () => {
  it('names the route to call, in the problem’s detail and as a member, in az, en and ru', () => {
    // Arrange
    const route = 'POST /api/v1/documents/d-1/assignments/{assignmentId}/accept';
    const error = new BusinessRuleError('operation_has_own_route', 'own route', {
      operation: 'execute',
      documentId: 'd-1',
      kind: 'incoming',
      route,
    });

    // Act
    const [az, en, ru] = (['az', 'en', 'ru'] as const).map((lang) => toProblem(error, lang));

    // Assert
    expect(az).toMatchObject({
      status: 422,
      body: { code: 'operation_has_own_route', operation: 'execute', route },
    });
    expect(az!.body.title).not.toBe('Bu əməliyyat üçün ayrıca ünvan var');
    expect(az!.body.detail).toBe(
      `Sənəd nəzarətçi son dərkənarın icrasını qəbul edəndə icra olunmuş sayılır: ${route}`,
    );
    expect(en!.body.detail).toContain(route);
    expect(en!.body.title).toMatch(/route of its own/);
    expect(ru!.body.detail).toContain(route);
    expect(ru!.body.detail).toMatch(/контролёр/);
  });
});
