import { referenceApi } from '../../modules/reference';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `reference` route group. */
export const handler = apiGroupHandler('reference', { ...referenceApi });
