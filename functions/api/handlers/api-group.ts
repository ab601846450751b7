import { createGroupHandler, type GroupImpls } from '../../platform/http/group-handler';
import type { RouteDef, RouteGroup } from '../../platform/http/route';
import { getContainer, wire, type Container, type Wiring } from '../../wiring/container';
import { edgeGuard, httpDeps } from '../../wiring/http-deps';

/**
 * The Lambda of one route group: its modules' route slices and their implementations, the
 * adapters its routes use, the token check, the origin check and tenant quota, and the container.
 * It names only its own slices, not the whole route table, so that its bundle carries its own
 * modules only (`test/unit/api/group-routes.test.ts` checks the slices against the table). The
 * local gateway serves the same handlers.
 */
export function apiGroupHandler(
  group: RouteGroup,
  routes: readonly RouteDef[],
  impls: GroupImpls<Container>,
  adapters: Wiring = {},
) {
  wire(adapters);
  return createGroupHandler({ group, routes, impls, http: httpDeps, deps: getContainer, edge: edgeGuard });
}
