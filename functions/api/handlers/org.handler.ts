import { smsSettingsApi, smsSettingsRoutes } from '../../modules/notifications';
import { orgApi, orgRoutes } from '../../modules/org';
import { identity, mfa } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `org` group, from its modules' slices. */
export const groupRoutes = [...orgRoutes, ...smsSettingsRoutes];

/** The Lambda of the `org` route group. */
export const handler = apiGroupHandler(
  'org',
  groupRoutes,
  { ...orgApi, ...smsSettingsApi },
  { identity, mfa },
);
