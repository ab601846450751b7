import { describe, expect, it } from 'vitest';
import {
  automaticChecks,
  registryProblems,
} from '../../../../functions/modules/eservices/usecases/review/checks';
import type { RegistryLookup, RegistryPerson } from '../../../../functions/modules/citizen-registries';
import { socialAssistanceDefinition } from '../../../../functions/modules/eservices';
import { evisaDefinition, visitor } from './world';

const values = (applicants: Array<Record<string, unknown>>) =>
  ({ variant: 'standard', common: { email: 'visitor@example.com' }, applicants }) as never;

describe('the automatic checks', () => {
  it('passes a visitor whose passport outlasts the visa by a day', () => {
    // Arrange: arriving 25 March 2026, decided before it: the visa runs to 22 June 2026.
    const applicant = visitor({ passportExpiryDate: '2026-06-22' });

    // Act
    const checks = automaticChecks(evisaDefinition(), values([applicant]), '2026-03-19T06:00:00.000Z');

    // Assert
    expect(checks).toEqual([{ applicant: 0, ok: true, problems: [] }]);
  });

  it('counts the visa from the review’s Baku date when that is after the arrival date', () => {
    // Arrange: the review on 1 April (Baku) of an arrival on 25 March: the visa runs to 29 June.
    const applicant = visitor({ passportExpiryDate: '2026-06-28' });

    // Act
    const checks = automaticChecks(evisaDefinition(), values([applicant]), '2026-03-31T20:30:00.000Z');

    // Assert
    expect(checks[0]!.problems.map((p) => p.code)).toContain('passport_expires_before_visa');
    expect(checks[0]!.problems.find((p) => p.code === 'passport_expires_before_visa')!.message).toEqual({
      az: expect.stringContaining('29.06.2026'),
      en: 'The passport expires (28.06.2026) before the visa’s last day (29.06.2026)',
      ru: expect.stringContaining('28.06.2026'),
    });
  });

  it('runs no passport check for a service whose result is not an e-visa', () => {
    // Arrange
    const def = socialAssistanceDefinition({ routeTemplateId: 'route-1' });
    const applicant = { fin: '5ZX7K2P', arrivalDate: '2026-03-25', passportExpiryDate: '2026-03-26' };

    // Act
    const checks = automaticChecks(def, values([applicant]), '2026-03-19T06:00:00.000Z');

    // Assert
    expect(checks).toEqual([{ applicant: 0, ok: true, problems: [] }]);
  });
});

describe('the registry check of an applicant’s FİN', () => {
  const person: RegistryPerson = {
    fin: '5ZQ8K2M',
    surname: 'Əliyeva',
    name: 'Günel',
    patronymic: 'Rafiq qızı',
    birthDate: '1990-04-12',
    address: 'Bakı, Nizami küç. 5',
  };
  // The registry as its port answers: one person known by FİN.
  const registry: RegistryLookup = {
    person: async (fin) => (fin === person.fin ? person : undefined),
    organization: async () => undefined,
  };
  const social = socialAssistanceDefinition({ routeTemplateId: 'route-social' });
  const applicant = (over: Record<string, unknown> = {}) => ({
    fin: '5zq8k2m',
    surname: 'ƏLİYEVA',
    name: 'günel ',
    birthDate: '1990-04-12',
    ...over,
  });

  it('passes a FİN the registry knows with the same surname, name and birth date (case and spaces aside)', async () => {
    expect(await registryProblems(registry, social, values([applicant()]))).toEqual([[]]);
  });

  it('names each difference from the registry’s record, and a FİN the registry does not know', async () => {
    // Act
    const problems = await registryProblems(
      registry,
      social,
      values([applicant({ name: 'Gülnar', birthDate: '1990-04-21' }), applicant({ fin: '7AAAAAA' })]),
    );

    // Assert
    expect(problems[0]!.map((p) => p.code)).toEqual(['registry_mismatch', 'registry_mismatch']);
    expect(problems[0]![1]!.message).toEqual({
      az: 'Reyestrdə doğum tarixi: 12.04.1990',
      en: "The registry's birth date: 12.04.1990",
      ru: 'В реестре дата рождения: 12.04.1990',
    });
    expect(problems[1]).toEqual([expect.objectContaining({ code: 'fin_not_in_registry' })]);
  });

  it('looks nothing up for a form without a FİN field', async () => {
    const asked: string[] = [];
    const watching: RegistryLookup = { ...registry, person: async (fin) => (asked.push(fin), undefined) };
    expect(await registryProblems(watching, evisaDefinition(), values([visitor()]))).toEqual([[]]);
    expect(asked).toEqual([]);
  });
});
