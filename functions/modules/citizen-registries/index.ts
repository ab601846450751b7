/** The public face of the citizen-registries module: what other modules, the API and the wiring may use. */
export { citizenRegistriesRoutes } from './api/citizen-registries.routes';
export {
  isFin,
  isVoen,
  normalizeFin,
  normalizeVoen,
  type RegistryOrganization,
  type RegistryPerson,
} from './domain/identifiers';
export { DynamoRegistry } from './dynamodb/registry-store.adapter';
export { type RegistryLoader, type RegistryLookup } from './ports';
export { citizenRegistriesApi } from './api/citizen-registries.api';
