import { createHash } from 'node:crypto';
import {
  isFin,
  isVoen,
  normalizeFin,
  normalizeVoen,
  type RegistryOrganization,
  type RegistryPerson,
} from '../../../functions/modules/citizen-registries';
import type { RegistryLoader } from '../../../functions/modules/citizen-registries';
import { registryOrganizations, registryPersons } from './data/registry';

/** Changes whenever the dataset does, so an edited dataset is loaded again on the next start. */
export const registryDatasetVersion = (
  persons: readonly RegistryPerson[] = registryPersons,
  organizations: readonly RegistryOrganization[] = registryOrganizations,
): string => createHash('sha256').update(JSON.stringify({ persons, organizations })).digest('base64url');

function checked(persons: readonly RegistryPerson[], organizations: readonly RegistryOrganization[]) {
  const bad = [
    ...persons.filter((p) => p.fin !== normalizeFin(p.fin) || !isFin(p.fin)).map((p) => p.fin),
    ...organizations.filter((o) => o.voen !== normalizeVoen(o.voen) || !isVoen(o.voen)).map((o) => o.voen),
  ];
  if (bad.length > 0) throw new Error(`Registry dataset: malformed identifiers ${bad.join(', ')}`);
}

/**
 * Loads the fictional registry dataset (functions/seed/data/registry.ts) into the embedded default.
 * Idempotent: skipped when this version is already loaded; the marker is written last, so a load
 * cut short by a crash is repeated in full (every write is an overwrite by identifier).
 */
export async function seedRegistry(
  loader: RegistryLoader,
  persons: readonly RegistryPerson[] = registryPersons,
  organizations: readonly RegistryOrganization[] = registryOrganizations,
): Promise<{ loaded: boolean; persons: number; organizations: number }> {
  const version = registryDatasetVersion(persons, organizations);
  const counts = { persons: persons.length, organizations: organizations.length };
  if ((await loader.loadedVersion()) === version) return { loaded: false, ...counts };
  checked(persons, organizations);
  await loader.putPersons(persons);
  await loader.putOrganizations(organizations);
  await loader.markLoaded(version, counts);
  return { loaded: true, ...counts };
}
