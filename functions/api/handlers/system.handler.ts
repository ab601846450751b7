import { createGroupHandler } from '../../platform/http/group-handler';
import { getContainer } from '../../wiring/container';
import { httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';
import { systemApi } from '../../modules/system';

/** The Lambda of the `system` route group (the local gateway serves the same module). */
export const handler = createGroupHandler({
  group: 'system',
  routes,
  impls: { ...systemApi },
  http: httpDeps,
  deps: getContainer,
});
