import { eserviceRoutes, eservicesApi } from '../../modules/eservices';
import { objects, payments, visaSigner, workflow } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `eservices` group, from its module's slice. */
export const groupRoutes = [...eserviceRoutes];

/**
 * The Lambda of the `eservices` route group: the admin API, the public catalogue, the public
 * application API (uploads and receipts in the attachments bucket), the application's public steps
 * (confirmation, payment, the acquirer's callback), the agency's side of applications (scan
 * download links) and the e-visa key set and check (the e-visa code key's public half).
 */
export const handler = apiGroupHandler(
  'eservices',
  groupRoutes,
  { ...eservicesApi },
  { objects, payments, visaSigner, workflow },
);
