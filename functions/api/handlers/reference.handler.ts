import { referenceApi, referenceRoutes } from '../../modules/reference';
import { apiGroupHandler } from './api-group';

/** The routes of the `reference` group, from its modules' slices. */
export const groupRoutes = [...referenceRoutes];

/** The Lambda of the `reference` route group. */
export const handler = apiGroupHandler('reference', groupRoutes, { ...referenceApi });
