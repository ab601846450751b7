import { createGroupHandler } from '../../platform/http/group-handler';
import { getContainer } from '../../wiring/container';
import { httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';
import { referenceApi } from '../../modules/reference';

/** The Lambda of the `reference` route group (the local gateway serves the same module). */
export const handler = createGroupHandler({
  group: 'reference',
  routes,
  impls: { ...referenceApi },
  http: httpDeps,
  deps: getContainer,
});
