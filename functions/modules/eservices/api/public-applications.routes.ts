import type { RouteDef } from '../../../platform/http/route';
import * as s from './public-applications.schema';

/** Under the edge's public prefix (`/api/public/`): counted per client address, CORS open to any origin. */
const AGENCY = '/api/public/v1/agencies/{agency}';
const open = { group: 'eservices', tag: 'public', auth: 'public' } as const;

/**
 * The citizens' public application API (issue 15): uploads of scans, the submit with an
 * Idempotency-Key, the status by number and second factor. No login; agency portals call it from
 * browsers of other origins (no credentials).
 */
export const publicApplicationRoutes = [
  {
    ...open,
    method: 'POST',
    path: `${AGENCY}/services/{code}/uploads`,
    operationId: 'startApplicationUpload',
    summary:
      'A presigned PUT for one scan of a file field, checked against the published form (type, size); its ref goes into the application',
    params: s.publicServiceParam,
    body: s.uploadBody,
    response: s.uploadAnswer,
    successStatus: 201,
  },
  {
    ...open,
    method: 'POST',
    path: `${AGENCY}/services/{code}/applications`,
    operationId: 'submitApplication',
    summary:
      'Submits an application (Idempotency-Key required: a retry answers the same application); 422 lists every field error in the request’s language',
    params: s.publicServiceParam,
    body: s.submitBody,
    idempotent: 'required',
    response: s.submitAnswer,
    successStatus: 201,
  },
  {
    ...open,
    method: 'POST',
    path: `${AGENCY}/applications/status`,
    operationId: 'getApplicationStatus',
    summary:
      'An application’s state, payment, decisions with result links and the receipt, by number and an applicant’s passport number or FİN; one 404 for every miss',
    params: s.publicAgencyParam,
    body: s.statusBody,
    response: s.statusAnswer,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
