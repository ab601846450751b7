import { createGroupHandler } from '../../platform/http/group-handler';
import type { RouteGroup } from '../../platform/http/route';
import { getContainer, type Container } from '../../wiring/container';
import { httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';

/** The modules' implementations (each typed by its own slice, see RouteImpls). */
type GroupImpls = Parameters<typeof createGroupHandler<Container>>[0]['impls'];

/**
 * The Lambda of one route group: its routes picked from the one route table, the modules'
 * implementations of them, the token check and the container. The local gateway serves the same
 * handlers.
 */
export function apiGroupHandler(group: RouteGroup, impls: GroupImpls) {
  return createGroupHandler({ group, routes, impls, http: httpDeps, deps: getContainer });
}
