import { documentsApi } from '../../modules/documents';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `documents` route group. */
export const handler = apiGroupHandler('documents', { ...documentsApi });
