import { exchangeApi, exchangeRoutes } from '../../modules/exchange';
import { email, objects, signer, sms } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `exchange` group, from its module's slice. */
export const groupRoutes = [...exchangeRoutes];

/** The Lambda of the `exchange` route group: the received documents' queue and the settings. */
export const handler = apiGroupHandler(
  'exchange',
  groupRoutes,
  { ...exchangeApi },
  { email, objects, signer, sms },
);
