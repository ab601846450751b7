import { registryLookupRoles } from '../domain/identifiers';
import * as registry from './citizen-registries.schema';
import type { RouteDef } from '../../../platform/http/route';

const V1 = '/api/v1';

/** Passport (FİN) and business (VÖEN) registry look-ups. */
export const citizenRegistriesRoutes = [
  {
    method: 'GET',
    path: `${V1}/citizen-registries/persons/{fin}`,
    group: 'citizen-registries',
    operationId: 'lookUpPerson',
    summary: 'Look up a person in the passport registry by FİN',
    tag: 'citizen-registries',
    auth: 'jwt',
    roles: registryLookupRoles,
    params: registry.finParam,
    response: registry.registryPerson,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/citizen-registries/organizations/{voen}`,
    group: 'citizen-registries',
    operationId: 'lookUpOrganization',
    summary: 'Look up an organization in the business registry by VÖEN',
    tag: 'citizen-registries',
    auth: 'jwt',
    roles: registryLookupRoles,
    params: registry.voenParam,
    response: registry.registryOrganization,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
