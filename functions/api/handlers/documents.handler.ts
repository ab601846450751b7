import { createGroupHandler } from '../../platform/http/group-handler';
import { getContainer } from '../../wiring/container';
import { httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';
import { documentsApi } from '../../modules/documents';

/** The Lambda of the `documents` route group (the local gateway serves the same module). */
export const handler = createGroupHandler({
  group: 'documents',
  routes,
  impls: { ...documentsApi },
  http: httpDeps,
  deps: getContainer,
});
