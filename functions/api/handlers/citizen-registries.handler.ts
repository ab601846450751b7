import { createGroupHandler } from '../../platform/http/group-handler';
import { getContainer } from '../../wiring/container';
import { httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';
import { citizenRegistriesApi } from '../../modules/citizen-registries';

/** The Lambda of the `registry` route group (the local gateway serves the same module). */
export const handler = createGroupHandler({
  group: 'citizen-registries',
  routes,
  impls: { ...citizenRegistriesApi },
  http: httpDeps,
  deps: getContainer,
});
