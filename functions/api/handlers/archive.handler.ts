import { archiveApi } from '../../modules/archive';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `archive` route group (re-hashing archived files reads them whole). */
export const handler = apiGroupHandler('archive', { ...archiveApi });
