import { createGroupHandler } from '../../platform/http/group-handler';
import { getContainer } from '../../wiring/container';
import { httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';
import { orgApi } from '../../modules/org';

/** The Lambda of the `org` route group (the local gateway serves the same module). */
export const handler = createGroupHandler({
  group: 'org',
  routes,
  impls: { ...orgApi },
  http: httpDeps,
  deps: getContainer,
});
