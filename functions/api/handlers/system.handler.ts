import { systemApi, systemRoutes } from '../../modules/system';
import { apiGroupHandler } from './api-group';

/** The routes of the `system` group, from its modules' slices. */
export const groupRoutes = [...systemRoutes];

/** The Lambda of the `system` route group. */
export const handler = apiGroupHandler('system', groupRoutes, { ...systemApi });
