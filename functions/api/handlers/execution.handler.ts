import { approvalApi, approvalRoutes } from '../../modules/approval';
import { executionApi, executionRoutes } from '../../modules/execution';
import { notificationRoutes, notificationsApi } from '../../modules/notifications';
import { alerts, approval, email, esign, objects, signingKeys, sms, workflow } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `execution` group, from its modules' slices. */
export const groupRoutes = [...executionRoutes, ...notificationRoutes, ...approvalRoutes];

/** The Lambda of the `execution` route group. */
export const handler = apiGroupHandler(
  'execution',
  groupRoutes,
  { ...executionApi, ...approvalApi, ...notificationsApi },
  { alerts, approval, email, esign, objects, signingKeys, sms, workflow },
);
