import type {
  RegistryOrganization,
  RegistryPerson,
} from '../../../functions/modules/citizen-registries/domain/identifiers';
import type { RegistryLoader, RegistryLookup } from '../../../functions/modules/citizen-registries/ports';

/** The FİN and VÖEN registries in memory, counting writes and remembering what was asked. */
export class MemoryRegistry implements RegistryLookup, RegistryLoader {
  readonly persons = new Map<string, RegistryPerson>();
  readonly organizations = new Map<string, RegistryOrganization>();
  version: string | undefined;
  writes = 0;
  asked: string[] = [];

  async person(fin: string): Promise<RegistryPerson | undefined> {
    this.asked.push(fin);
    return this.persons.get(fin);
  }

  async organization(voen: string): Promise<RegistryOrganization | undefined> {
    this.asked.push(voen);
    return this.organizations.get(voen);
  }

  async loadedVersion(): Promise<string | undefined> {
    return this.version;
  }

  async putPersons(persons: readonly RegistryPerson[]): Promise<void> {
    for (const p of persons) this.persons.set(p.fin, p);
    this.writes += persons.length;
  }

  async putOrganizations(organizations: readonly RegistryOrganization[]): Promise<void> {
    for (const o of organizations) this.organizations.set(o.voen, o);
    this.writes += organizations.length;
  }

  async markLoaded(version: string): Promise<void> {
    this.version = version;
  }
}
