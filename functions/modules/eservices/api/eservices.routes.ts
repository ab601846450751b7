import type { RouteDef } from '../../../platform/http/route';
import * as s from './eservices.schema';
import { publicApplicationRoutes } from './public-applications.routes';
import { flowRoutes } from './flow.routes';
import { verifyRoutes } from './verify.routes';
import { reviewRoutes } from './review.routes';
import { integratorKeyRoutes } from './integrator-keys.routes';

const ADMIN = '/api/v1/eservices';
const admin = { group: 'eservices', tag: 'eservices', auth: 'jwt', roles: ['admin'] } as const;
/** Under the edge's public prefix (`/api/public/`): counted per client address whatever is sent. */
const PUBLIC = '/api/public/v1/agencies/{agency}/services';
const open = { group: 'eservices', tag: 'public', auth: 'public' } as const;

/**
 * E-services (issue 15): an agency's admins define services as versioned definitions and publish
 * them; the public catalogue (no login) shows the newest published version of each.
 */
export const eserviceRoutes = [
  {
    ...admin,
    method: 'GET',
    path: ADMIN,
    operationId: 'listEServices',
    summary: 'The agency’s e-services by code, published or not',
    query: s.serviceListQuery,
    response: s.servicePage,
    successStatus: 200,
  },
  {
    ...admin,
    method: 'POST',
    path: ADMIN,
    operationId: 'createEService',
    summary:
      'Defines a new e-service (its code unique in the agency); the definition becomes draft version 1',
    body: s.createServiceBody,
    idempotent: true,
    response: s.eServiceWithVersions,
    successStatus: 201,
  },
  {
    ...admin,
    method: 'GET',
    path: `${ADMIN}/{code}`,
    operationId: 'getEService',
    summary: 'An e-service with all its versions, drafts included',
    params: s.serviceCodeParam,
    response: s.eServiceWithVersions,
    successStatus: 200,
  },
  {
    ...admin,
    method: 'PUT',
    path: `${ADMIN}/{code}/draft`,
    operationId: 'updateEServiceDraft',
    summary:
      'Replaces the draft’s definition (the service’s version seen; a published version never changes)',
    params: s.serviceCodeParam,
    body: s.updateDraftBody,
    response: s.eServiceWithVersions,
    successStatus: 200,
  },
  {
    ...admin,
    method: 'POST',
    path: `${ADMIN}/{code}/draft/publish`,
    operationId: 'publishEServiceDraft',
    summary: 'Publishes the draft: it becomes immutable and what the public catalogue shows',
    params: s.serviceCodeParam,
    body: s.publishBody,
    response: s.eServiceWithVersions,
    successStatus: 200,
  },
  {
    ...admin,
    method: 'POST',
    path: `${ADMIN}/{code}/drafts`,
    operationId: 'startEServiceDraft',
    summary:
      'Starts the next draft, from the definition given or a copy of the newest version (one draft at a time)',
    params: s.serviceCodeParam,
    body: s.startDraftBody,
    response: s.eServiceWithVersions,
    successStatus: 201,
  },
  {
    ...open,
    method: 'GET',
    path: PUBLIC,
    operationId: 'listCatalogue',
    summary: 'The agency’s published e-services (no login); an unknown agency is a 404',
    params: s.agencyParam,
    query: s.serviceListQuery,
    response: s.cataloguePage,
    successStatus: 200,
  },
  {
    ...open,
    method: 'GET',
    path: `${PUBLIC}/{code}`,
    operationId: 'getCatalogueService',
    summary:
      'A published e-service with its application form (no login); unknown and unpublished services get the same 404',
    params: s.catalogueServiceParam,
    response: s.catalogueService,
    successStatus: 200,
  },
  // The citizens' public application API (issue 15, third slice).
  ...publicApplicationRoutes,
  // The application's public steps: confirmation, payment, the acquirer's callback (third slice).
  ...flowRoutes,
  // Issued e-visas: the public key set and the check of a scanned code (results).
  ...verifyRoutes,
  // The agency's side of applications (issue 15, review).
  ...reviewRoutes,
  ...integratorKeyRoutes,
] as const satisfies readonly RouteDef[];
