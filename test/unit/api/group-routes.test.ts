import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../functions/api/routes';
import { routeKey, type RouteDef } from '../../../functions/platform/http/route';

/**
 * Each route group's Lambda names its own modules' route slices (so that it bundles those modules
 * only); together they must be exactly the route table's routes of that group.
 */
const handlersDir = join(import.meta.dirname, '../../../functions/api/handlers');
const groups = readdirSync(handlersDir)
  .filter((f) => f.endsWith('.handler.ts'))
  .map((f) => f.slice(0, -'.handler.ts'.length));
const keys = (list: readonly RouteDef[]) => list.map(routeKey).sort();

describe('the route group handlers', () => {
  it('cover every group of the route table', () => {
    expect(groups.sort()).toEqual([...new Set(routes.map((r) => r.group))].sort());
  });

  it.each(groups)('serve exactly the table routes of the %s group', async (group) => {
    // Arrange
    const table = routes.filter((r) => r.group === group);

    // Act
    const { groupRoutes } = (await import(join(handlersDir, `${group}.handler.ts`))) as {
      groupRoutes: readonly RouteDef[];
    };

    // Assert
    expect(keys(groupRoutes)).toEqual(keys(table));
  });
});
