import { createGroupHandler } from '../../platform/http/group-handler';
import { getContainer } from '../../wiring/container';
import { httpDeps } from '../../wiring/http-deps';
import { routes } from '../routes';
import { executionApi } from '../../modules/execution';
import { approvalApi } from '../../modules/approval';
import { notificationsApi } from '../../modules/notifications';

/** The Lambda of the `execution` route group (the local gateway serves the same module). */
export const handler = createGroupHandler({
  group: 'execution',
  routes,
  impls: { ...executionApi, ...approvalApi, ...notificationsApi },
  http: httpDeps,
  deps: getContainer,
});
