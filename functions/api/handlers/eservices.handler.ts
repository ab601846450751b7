import { eserviceRoutes, eservicesApi } from '../../modules/eservices';
import { objects, payments, workflow } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `eservices` group, from its module's slice. */
export const groupRoutes = [...eserviceRoutes];

/**
 * The Lambda of the `eservices` route group: the admin API, the public catalogue and the
 * application's public steps (confirmation, payment, the acquirer's callback) and the agency's side
 * of applications (scan download links).
 */
export const handler = apiGroupHandler(
  'eservices',
  groupRoutes,
  { ...eservicesApi },
  { objects, payments, workflow },
);
