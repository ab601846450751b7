import { describe, expect, it } from 'vitest';
import { referenceListQuery } from '../../../functions/modules/reference/api/reference.schema';
import { listReferenceItems } from '../../../functions/modules/reference/usecases/reference.usecase';
import { actor, meta, TENANT } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const clerk = actor('clerk', ['clerk']);

describe('pages of reference lists', () => {
  it('a tree list loads whole in one request, up to the tree bound', async () => {
    // Arrange: more regions than a flat list's page holds.
    const deps = memoryDeps();
    for (let i = 0; i < 150; i++)
      deps.store.seed('ref:regions', {
        ...meta(`r-${String(i).padStart(3, '0')}`, TENANT),
        list: 'regions',
        name: { az: `Rayon ${i}` },
        kind: 'district',
        active: true,
      });
    const query = referenceListQuery.parse({ limit: '1000' });

    // Act
    const page = await listReferenceItems(deps, clerk, 'regions', query);

    // Assert
    expect(page.items).toHaveLength(150);
    expect(page.nextCursor).toBeUndefined();
    expect(() => referenceListQuery.parse({ limit: '2001' })).toThrow();
  });

  it('a flat list still pages by at most 100: a larger page is a 400 on `limit`, naming the bound', async () => {
    // Arrange
    const deps = memoryDeps();
    const query = referenceListQuery.parse({ limit: '1000' });

    // Act
    const attempt = listReferenceItems(deps, clerk, 'counterparts', query);

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_request',
      issues: [{ path: 'limit', code: 'too_big', params: { max: 100 } }],
    });
  });
});
