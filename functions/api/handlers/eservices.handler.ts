import { eserviceRoutes, eservicesApi } from '../../modules/eservices';
import { apiGroupHandler } from './api-group';

/** The routes of the `eservices` group, from its module's slice. */
export const groupRoutes = [...eserviceRoutes];

/** The Lambda of the `eservices` route group: the admin API and the public catalogue. */
export const handler = apiGroupHandler('eservices', groupRoutes, { ...eservicesApi });
