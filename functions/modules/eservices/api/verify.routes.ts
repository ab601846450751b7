import type { RouteDef } from '../../../platform/http/route';
import * as s from './verify.schema';

/** Under the edge's public prefix (`/api/public/`): counted per client address whatever is sent. */
const EVISA = '/api/public/v1/evisa';
const open = { group: 'eservices', tag: 'public', auth: 'public' } as const;

/**
 * Issued e-visas (issue 15, item 5), no login: the key set a verifier app checks codes with
 * offline, and the check of a scanned code here.
 */
export const verifyRoutes = [
  {
    ...open,
    method: 'GET',
    path: `${EVISA}/keys`,
    operationId: 'getEVisaKeys',
    summary: 'The JWK set of the e-visa code key: verifies the QR code of every issued e-visa offline',
    response: s.visaCodeKeySet,
    successStatus: 200,
  },
  {
    ...open,
    method: 'POST',
    path: `${EVISA}/verify`,
    operationId: 'verifyEVisa',
    summary:
      'Checks a scanned e-visa code against the published keys: the visa’s data, or 422 saying why it does not verify',
    body: s.verifyVisaBody,
    response: s.verifiedVisa,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
