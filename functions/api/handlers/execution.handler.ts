import { executionApi } from '../../modules/execution';
import { approvalApi } from '../../modules/approval';
import { notificationsApi } from '../../modules/notifications';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `execution` route group. */
export const handler = apiGroupHandler('execution', { ...executionApi, ...approvalApi, ...notificationsApi });
