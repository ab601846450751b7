import { reportRoutes, reportsApi } from '../../modules/reports';
import { objects, workflow } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `reports` group, from its module's slice. */
export const groupRoutes = [...reportRoutes];

/** The Lambda of the `reports` route group. */
export const handler = apiGroupHandler('reports', groupRoutes, { ...reportsApi }, { objects, workflow });
