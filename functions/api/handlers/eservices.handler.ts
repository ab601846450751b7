import { eserviceRoutes, eservicesApi } from '../../modules/eservices';
import { objects, payments, workflow } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `eservices` group, from its module's slice. */
export const groupRoutes = [...eserviceRoutes];

/**
 * The Lambda of the `eservices` route group: the admin API, the public catalogue, the public
 * application API (uploads and receipts in the attachments bucket) and the application's public
 * steps (confirmation, payment, the acquirer's callback); the application's machine.
 */
export const handler = apiGroupHandler(
  'eservices',
  groupRoutes,
  { ...eservicesApi },
  { objects, payments, workflow },
);
