import { documentRoutes, documentsApi } from '../../modules/documents';
import { alerts, email, esign, objects, signatures, signingKeys, sms } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `documents` group, from its modules' slices. */
export const groupRoutes = [...documentRoutes];

/** The Lambda of the `documents` route group. */
export const handler = apiGroupHandler(
  'documents',
  groupRoutes,
  { ...documentsApi },
  { alerts, email, esign, objects, signatures, signingKeys, sms },
);
