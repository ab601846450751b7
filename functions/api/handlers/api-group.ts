import { createGroupHandler, type GroupImpls } from '../../platform/http/group-handler';
import type { RouteGroup } from '../../platform/http/route';
import { getContainer, type Container } from '../../wiring/container';
import { edgeGuard, httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';

/**
 * The Lambda of one route group: its routes picked from the one route table, the modules'
 * implementations of them, the token check, the origin check and tenant quota, and the container. The local gateway serves the same
 * handlers.
 */
export function apiGroupHandler(group: RouteGroup, impls: GroupImpls<Container>) {
  return createGroupHandler({ group, routes, impls, http: httpDeps, deps: getContainer, edge: edgeGuard });
}
