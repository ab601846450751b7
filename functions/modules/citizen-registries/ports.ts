import type { RegistryOrganization, RegistryPerson } from './domain/identifiers';

/**
 * The passport (FİN) and business (VÖEN) registries. Global data, not tenant data: every agency
 * looks up the same people and organizations. Callers pass normalized, validated identifiers.
 */
export interface RegistryLookup {
  person(fin: string): Promise<RegistryPerson | undefined>;
  organization(voen: string): Promise<RegistryOrganization | undefined>;
}

/**
 * Loads the dataset behind a local stand-in of the registries (the seed only). Every write is an
 * overwrite by identifier, so a load cut short is simply repeated.
 */
export interface RegistryLoader {
  /** The version recorded by the last complete load, if any. */
  loadedVersion(): Promise<string | undefined>;
  putPersons(persons: readonly RegistryPerson[]): Promise<void>;
  putOrganizations(organizations: readonly RegistryOrganization[]): Promise<void>;
  /** Recorded after all records are written, so an interrupted load is not taken as done. */
  markLoaded(version: string, counts: { persons: number; organizations: number }): Promise<void>;
}
