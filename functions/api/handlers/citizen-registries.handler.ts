import { citizenRegistriesApi, citizenRegistriesRoutes } from '../../modules/citizen-registries';
import { apiGroupHandler } from './api-group';

/** The routes of the `citizen-registries` group, from its modules' slices. */
export const groupRoutes = [...citizenRegistriesRoutes];

/** The Lambda of the `citizen-registries` route group. */
export const handler = apiGroupHandler('citizen-registries', groupRoutes, { ...citizenRegistriesApi });
