import { webhookRoutes, webhooksApi } from '../../modules/webhooks';
import { apiGroupHandler } from './api-group';

/** The routes of the `webhooks` group, from its module's slice. */
export const groupRoutes = [...webhookRoutes];

/** The Lambda of the `webhooks` route group. */
export const handler = apiGroupHandler('webhooks', groupRoutes, { ...webhooksApi });
