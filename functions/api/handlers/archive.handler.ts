import { archiveApi, archiveRoutes } from '../../modules/archive';
import {
  alerts,
  archiveAlertsOf,
  email,
  esign,
  objects,
  signingKeys,
  sms,
  workflow,
} from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `archive` group, from its modules' slices. */
export const groupRoutes = [...archiveRoutes];

/** The Lambda of the `archive` route group (re-hashing archived files reads them whole). */
export const handler = apiGroupHandler(
  'archive',
  groupRoutes,
  { ...archiveApi },
  { alerts, archiveAlerts: archiveAlertsOf, email, esign, objects, signingKeys, sms, workflow },
);
