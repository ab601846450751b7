import { describe, expect, it } from 'vitest';
import { registryOrganizations, registryPersons } from '../../../../infra/local/seed/data/registry';
import { registryDatasetVersion, seedRegistry } from '../../../../infra/local/seed/registry.seed';
import { MemoryRegistry } from '../../../support/fakes/registry';

describe('registry seed', () => {
  it('loads the dataset once and skips it on the next start', async () => {
    // Arrange
    const registry = new MemoryRegistry();

    // Act
    const first = await seedRegistry(registry);
    const second = await seedRegistry(registry);

    // Assert
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
    // Arrange
    const registry = new MemoryRegistry();
    await seedRegistry(registry);
    const changed = [...registryPersons, { ...registryPersons[0]!, fin: 'NEW0001' }];

    // Act
    const reloaded = await seedRegistry(registry, changed);
    const before = registry.writes;
    const malformed = seedRegistry(registry, [{ ...registryPersons[0]!, fin: 'bad' }]);

    // Assert
    expect(reloaded.loaded).toBe(true);
    expect(registry.persons.has('NEW0001')).toBe(true);
    await expect(malformed).rejects.toThrow(/malformed/);
    expect(registry.writes).toBe(before);
  });
});
