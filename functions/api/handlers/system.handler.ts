import { systemApi } from '../../modules/system';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `system` route group. */
export const handler = apiGroupHandler('system', { ...systemApi });
