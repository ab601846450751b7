import { citizenRegistriesApi } from '../../modules/citizen-registries';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `citizen-registries` route group. */
export const handler = apiGroupHandler('citizen-registries', { ...citizenRegistriesApi });
