import { approvalRoutes } from '../modules/approval';
import { citizenRegistriesRoutes } from '../modules/citizen-registries';
import { documentRoutes } from '../modules/documents';
import { executionRoutes } from '../modules/execution';
import { notificationRoutes } from '../modules/notifications';
import { onboardingRoutes } from '../modules/onboarding';
import { orgRoutes } from '../modules/org';
import { referenceRoutes } from '../modules/reference';
import { systemRoutes } from '../modules/system';
import type { RouteDef } from '../platform/http/route';

/**
 * The one route table, assembled from the modules' slices: the local gateway, CDK and the OpenAPI
 * document all read it.
 */
export const routes: RouteDef[] = [
  ...systemRoutes,
  ...orgRoutes,
  ...referenceRoutes,
  ...documentRoutes,
  ...citizenRegistriesRoutes,
  ...executionRoutes,
  ...notificationRoutes,
  ...approvalRoutes,
  ...onboardingRoutes,
];
