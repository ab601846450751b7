import { describe, expect, it } from 'vitest';
import { automaticChecks } from '../../../../functions/modules/eservices/usecases/review/checks';
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
