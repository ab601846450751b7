import { describe, expect, it } from 'vitest';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../../functions/platform/kernel/errors';
import {
  lookUpOrganization,
  lookUpPerson,
} from '../../../functions/modules/citizen-registries/usecases/lookup.usecase';
import { actor } from '../../support/builders';
import { MemoryRegistry } from '../../support/fakes/registry';

function registry() {
  const r = new MemoryRegistry();
  r.persons.set('5ZK7QH2', {
    fin: '5ZK7QH2',
    surname: 'Məmmədova',
    name: 'Aysel',
    birthDate: '1990-04-12',
    address: 'Bakı, Yasamal r-nu',
  });
  r.organizations.set('1400057421', {
    voen: '1400057421',
    name: '"Xəzər Logistika" MMC',
    legalForm: 'llc',
    address: 'Bakı, Xətai r-nu',
    registeredAt: '2011-05-20',
  });
  return r;
}

describe('lookUpPerson and lookUpOrganization', () => {
  it('finds a person by FİN in any case with spaces around it, and an organization by VÖEN', async () => {
    // Arrange
    const r = registry();

    // Act
    const person = await lookUpPerson({ registry: r }, actor('e1', ['clerk']), ' 5zk7qh2 ');
    const organization = await lookUpOrganization({ registry: r }, actor('e1', ['controller']), '1400057421');

    // Assert: the registry is asked with the normalized identifier.
    expect(person).toMatchObject({ fin: '5ZK7QH2', name: 'Aysel' });
    expect(organization).toMatchObject({ name: '"Xəzər Logistika" MMC' });
    expect(r.asked).toEqual(['5ZK7QH2', '1400057421']);
  });

  it('reports a malformed identifier as a bad request on its field without asking the registry', async () => {
    // Arrange
    const r = registry();

    // Act
    const fin = await lookUpPerson({ registry: r }, actor('e1', ['head']), '5ZK7QH').catch((e: unknown) => e);
    const voen = await lookUpOrganization({ registry: r }, actor('e1', ['admin']), '14000574X1').catch(
      (e: unknown) => e,
    );

    // Assert
    expect(fin).toBeInstanceOf(BadRequestError);
    expect((fin as BadRequestError).issues).toEqual([{ path: 'fin', code: 'invalid_format' }]);
    expect((voen as BadRequestError).issues).toEqual([{ path: 'voen', code: 'invalid_format' }]);
    expect(r.asked).toEqual([]);
  });

  it('answers not found for identifiers the registry does not know', async () => {
    // Arrange
    const r = registry();

    // Act
    const person = lookUpPerson({ registry: r }, actor('e1', ['clerk']), 'ZZZZZZ9');
    const organization = lookUpOrganization({ registry: r }, actor('e1', ['clerk']), '9999999991');

    // Assert
    await expect(person).rejects.toBeInstanceOf(NotFoundError);
    await expect(organization).rejects.toBeInstanceOf(NotFoundError);
  });

  it('forbids roles other than clerk, head, admin and controller before reading anything', async () => {
    // Arrange
    const r = registry();

    // Act
    const person = lookUpPerson({ registry: r }, actor('e1', ['executor', 'approver']), '5ZK7QH2');
    const organization = lookUpOrganization({ registry: r }, actor('e1'), '1400057421');

    // Assert
    await expect(person).rejects.toBeInstanceOf(ForbiddenError);
    await expect(organization).rejects.toBeInstanceOf(ForbiddenError);
    expect(r.asked).toEqual([]);
  });
});
