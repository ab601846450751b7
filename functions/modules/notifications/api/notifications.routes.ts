import * as z from 'zod';
import { notificationPreferences } from '../../org';
import { versioned } from '../../../platform/http/common.schema';

/** My preferences as stored, and whether my agency sends SMS at all (read-only). */
const myNotifications = notificationPreferences.extend({
  ...versioned,
  agencySms: z
    .boolean()
    .meta({ description: 'The agency sends SMS notices; when false the SMS choice has no effect' }),
});
import type { RouteDef } from '../../../platform/http/route';

const V1 = '/api/v1';
const tag = 'execution';

/** Each user's notice preferences: channels, language, the daily digest. */
export const notificationRoutes = [
  {
    method: 'GET',
    path: `${V1}/me/notifications`,
    group: 'execution',
    operationId: 'getMyNotifications',
    summary: 'My notification channels and language',
    tag,
    auth: 'jwt',
    response: myNotifications,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: `${V1}/me/notifications`,
    group: 'execution',
    operationId: 'updateMyNotifications',
    summary: 'Change my notification channels and language',
    tag,
    auth: 'jwt',
    // What GET answered may be sent back as it is: the read-only `agencySms` is ignored.
    body: notificationPreferences
      .extend({
        ...versioned,
        agencySms: z
          .boolean()
          .optional()
          .meta({ description: 'Read-only (see the GET answer): ignored when sent back' }),
      })
      .strict(),
    response: myNotifications,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
