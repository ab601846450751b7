import { approvalRoutes } from '../modules/approval';
import { archiveRoutes } from '../modules/archive';
import { citizenRegistriesRoutes } from '../modules/citizen-registries';
import { documentRoutes } from '../modules/documents';
import { exchangeRoutes } from '../modules/exchange';
import { executionRoutes } from '../modules/execution';
import { notificationRoutes, smsSettingsRoutes } from '../modules/notifications';
import { onboardingRoutes } from '../modules/onboarding';
import { orgRoutes } from '../modules/org';
import { referenceRoutes } from '../modules/reference';
import { reportRoutes } from '../modules/reports';
import { BUNDLED_FONT_FOLDER, fontFilesToBundle, signatureRoutes } from '../modules/signatures';
import { searchRoutes } from '../modules/search';
import { systemRoutes } from '../modules/system';
import { webhookRoutes } from '../modules/webhooks';
import { eserviceRoutes } from '../modules/eservices';
import type { RouteDef } from '../platform/http/route';

/**
 * The one route table, assembled from the modules' slices: the local gateway, CDK and the OpenAPI
 * document all read it.
 */
export const routes: RouteDef[] = [
  ...systemRoutes,
  ...orgRoutes,
  ...smsSettingsRoutes,
  ...referenceRoutes,
  ...documentRoutes,
  ...citizenRegistriesRoutes,
  ...executionRoutes,
  ...notificationRoutes,
  ...approvalRoutes,
  ...onboardingRoutes,
  ...signatureRoutes,
  ...archiveRoutes,
  ...searchRoutes,
  ...reportRoutes,
  ...exchangeRoutes,
  ...webhookRoutes,
  ...eserviceRoutes,
];

/**
 * Files a route group's code reads at run time, which its Lambda bundle must carry (a bundle has
 * no `node_modules`): the path beside the entry and where the file is now. The single file's
 * fonts (and the e-service receipt's) are the only ones.
 */
export const routeGroupFiles: Readonly<Record<string, () => Array<{ from: string; to: string }>>> = {
  signatures: () =>
    fontFilesToBundle().map((f) => ({ from: f.path, to: `${BUNDLED_FONT_FOLDER}/${f.name}` })),
  // The receipt PDF of a submitted e-service application.
  eservices: () => fontFilesToBundle().map((f) => ({ from: f.path, to: `${BUNDLED_FONT_FOLDER}/${f.name}` })),
};
