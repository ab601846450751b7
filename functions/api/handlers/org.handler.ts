import { smsSettingsApi } from '../../modules/notifications';
import { orgApi } from '../../modules/org';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `org` route group. */
export const handler = apiGroupHandler('org', { ...orgApi, ...smsSettingsApi });
