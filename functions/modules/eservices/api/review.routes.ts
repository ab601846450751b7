import type { RouteDef } from '../../../platform/http/route';
import * as s from './review.schema';

const V1 = '/api/v1/eservices';
/** Logged in; who may read or decide is the use case's (admins, the route's people). */
const agency = { group: 'eservices', tag: 'eservices', auth: 'jwt' } as const;

/**
 * The agency's side of applications (issue 15, item 3): the applications of a service newest
 * first, one application, the officer's decisions per applicant while the route runs.
 */
export const reviewRoutes = [
  {
    ...agency,
    method: 'GET',
    path: `${V1}/{code}/applications`,
    operationId: 'listEServiceApplications',
    summary: 'A service’s applications, newest first: all of them for an admin, a route’s own for its people',
    params: s.serviceApplicationsParam,
    query: s.applicationListQuery,
    response: s.applicationPage,
    successStatus: 200,
  },
  {
    ...agency,
    method: 'GET',
    path: `${V1}/applications/{number}`,
    operationId: 'getEServiceApplication',
    summary:
      'An application: values, scan download links, automatic checks, the service level and time left, log, decisions',
    params: s.applicationNumberParam,
    response: s.applicationView,
    successStatus: 200,
  },
  {
    ...agency,
    method: 'PUT',
    path: `${V1}/applications/{number}/decisions`,
    operationId: 'recordEServiceDecisions',
    summary:
      'Records the officer’s decision per applicant (a person of the running route; a refusal needs a reason)',
    params: s.applicationNumberParam,
    body: s.decisionsBody,
    response: s.applicationView,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
