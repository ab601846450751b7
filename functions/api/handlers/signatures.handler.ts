import { signatureRoutes, signaturesApi } from '../../modules/signatures';
import { alerts, email, objects, sms } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `signatures` group, from its modules' slices. */
export const groupRoutes = [...signatureRoutes];

/** The Lambda of the `signatures` route group (assembling files needs more memory than a card read). */
export const handler = apiGroupHandler(
  'signatures',
  groupRoutes,
  { ...signaturesApi },
  { alerts, email, objects, sms },
);
