import { signaturesApi } from '../../modules/signatures';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `signatures` route group (assembling files needs more memory than a card read). */
export const handler = apiGroupHandler('signatures', { ...signaturesApi });
