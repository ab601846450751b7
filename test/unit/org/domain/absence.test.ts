import { describe, expect, it } from 'vitest';
import { overlaps, substitutionFor } from '../../../../functions/modules/org/domain/absence';
import type { SubstitutionData } from '../../../../functions/modules/org/domain/org';

const absence = {
  id: 'abs-1',
  employeeId: 'official',
  from: '2026-03-09',
  to: '2026-03-13',
  substituteId: 'deputy',
  status: 'recorded' as const,
};

describe('absences', () => {
  it('overlap when they share at least one day (ends inclusive)', () => {
    expect(overlaps({ from: '2026-03-01', to: '2026-03-09' }, absence)).toBe(true);
    expect(overlaps({ from: '2026-03-13', to: '2026-03-20' }, absence)).toBe(true);
    expect(overlaps({ from: '2026-03-14', to: '2026-03-20' }, absence)).toBe(false);
    expect(overlaps({ from: '2026-03-01', to: '2026-03-08' }, absence)).toBe(false);
  });

  it('imply no substitution without a substitute, and an active one with', () => {
    const { substituteId: _s, ...alone } = absence;
    expect(substitutionFor(alone, undefined)).toBeUndefined();
    expect(substitutionFor(absence, undefined)).toEqual({
      employeeId: 'official',
      substituteId: 'deputy',
      from: '2026-03-09',
      to: '2026-03-13',
      active: true,
      absenceId: 'abs-1',
    });
  });

  it('end the substitution they kept when cancelled, and remember replaced substitutes (not the present one)', () => {
    const kept: SubstitutionData = {
      employeeId: 'official',
      substituteId: 'deputy2',
      from: '2026-03-09',
      to: '2026-03-13',
      active: true,
      absenceId: 'abs-1',
      formerSubstituteIds: ['deputy'],
    };
    expect(substitutionFor({ ...absence, status: 'cancelled' }, kept)).toMatchObject({
      substituteId: 'deputy2',
      active: false,
    });
    // Back to the first substitute: deputy2 is now the former one, deputy the present one.
    expect(substitutionFor(absence, kept)?.formerSubstituteIds).toEqual(['deputy2']);
  });
});
