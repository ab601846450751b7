import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../functions/platform/kernel/aggregate';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../../functions/platform/kernel/errors';
import type {
  RegistryOrganization,
  RegistryPerson,
} from '../../../functions/modules/citizen-registries/domain/identifiers';
import type { RegistryLoader, RegistryLookup } from '../../../functions/modules/citizen-registries/ports';
import { registryOrganizations, registryPersons } from '../../../infra/local/seed/data/registry';
import { registryDatasetVersion, seedRegistry } from '../../../infra/local/seed/registry.seed';
import {
  lookUpOrganization,
  lookUpPerson,
} from '../../../functions/modules/citizen-registries/usecases/lookup.usecase';

/** In memory, counting writes. */
class MemoryRegistry implements RegistryLookup, RegistryLoader {
  persons = new Map<string, RegistryPerson>();
  organizations = new Map<string, RegistryOrganization>();
  version: string | undefined;
  writes = 0;
  asked: string[] = [];

  async person(fin: string) {
    this.asked.push(fin);
    return this.persons.get(fin);
  }
  async organization(voen: string) {
    this.asked.push(voen);
    return this.organizations.get(voen);
  }
  async loadedVersion() {
    return this.version;
  }
  async putPersons(persons: readonly RegistryPerson[]) {
    for (const p of persons) this.persons.set(p.fin, p);
    this.writes += persons.length;
  }
  async putOrganizations(organizations: readonly RegistryOrganization[]) {
    for (const o of organizations) this.organizations.set(o.voen, o);
    this.writes += organizations.length;
  }
  async markLoaded(version: string) {
    this.version = version;
  }
}

const actor = (...roles: string[]): Actor => ({
  tenantId: 'demo1',
  employeeId: 'e1',
  username: 'u1',
  roles: new Set(roles),
});

describe('registry seed', () => {
  it('loads the dataset once and skips it on the next start', async () => {
    const registry = new MemoryRegistry();

    const first = await seedRegistry(registry);
    const second = await seedRegistry(registry);

    expect(first).toEqual({
      loaded: true,
      persons: registryPersons.length,
      organizations: registryOrganizations.length,
    });
    expect(second.loaded).toBe(false);
    expect(registry.writes).toBe(registryPersons.length + registryOrganizations.length);
    expect(registry.version).toBe(registryDatasetVersion());
  });

  it('loads again when the dataset changed, and refuses malformed identifiers before writing', async () => {
    const registry = new MemoryRegistry();
    await seedRegistry(registry);
    const changed = [...registryPersons, { ...registryPersons[0]!, fin: 'NEW0001' }];

    expect((await seedRegistry(registry, changed)).loaded).toBe(true);
    expect(registry.persons.has('NEW0001')).toBe(true);

    const before = registry.writes;
    await expect(seedRegistry(registry, [{ ...registryPersons[0]!, fin: 'bad' }])).rejects.toThrow(
      /malformed/,
    );
    expect(registry.writes).toBe(before);
  });
});

describe('registry look-ups', () => {
  const registry = new MemoryRegistry();
  const ready = seedRegistry(registry);

  it('finds a person by FİN in any case, and an organization by VÖEN', async () => {
    await ready;
    expect(await lookUpPerson({ registry }, actor('clerk'), ' 5zk7qh2 ')).toMatchObject({
      fin: '5ZK7QH2',
      name: 'Aysel',
    });
    expect(await lookUpOrganization({ registry }, actor('controller'), '1400057421')).toMatchObject({
      name: '"Xəzər Logistika" MMC',
    });
  });

  it('reports a malformed identifier as a bad request on the field, without asking the registry', async () => {
    await ready;
    registry.asked = [];
    const fin = await lookUpPerson({ registry }, actor('head'), '5ZK7QH').catch((e: unknown) => e);
    const voen = await lookUpOrganization({ registry }, actor('admin'), '14000574X1').catch(
      (e: unknown) => e,
    );

    expect(fin).toBeInstanceOf(BadRequestError);
    expect((fin as BadRequestError).issues).toEqual([{ path: 'fin', code: 'invalid_format' }]);
    expect((voen as BadRequestError).issues).toEqual([{ path: 'voen', code: 'invalid_format' }]);
    expect(registry.asked).toEqual([]);
  });

  it('answers NotFound for unknown identifiers', async () => {
    await ready;
    await expect(lookUpPerson({ registry }, actor('clerk'), 'ZZZZZZ9')).rejects.toBeInstanceOf(NotFoundError);
    await expect(lookUpOrganization({ registry }, actor('clerk'), '9999999991')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('forbids roles other than clerk, head, admin and controller', async () => {
    await ready;
    await expect(lookUpPerson({ registry }, actor('executor', 'approver'), '5ZK7QH2')).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(lookUpOrganization({ registry }, actor(), '1400057421')).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
