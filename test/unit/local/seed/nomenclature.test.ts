import { describe, expect, it } from 'vitest';
import { nomenclature, nomenclatureByTenant } from '../../../../infra/local/seed/data/nomenclature';
import { demoAgencies } from '../../../../infra/local/seed/data/demo-agencies';
import { referenceInputs } from '../../../../functions/modules/reference/api/reference.schema';
import { duplicates, nameProblems } from './text-checks';

describe('seed: nomenclature', () => {
  it('is the main demo tenant nomenclature by default', () => {
    expect(nomenclature).toBe(nomenclatureByTenant.demo1);
  });

  for (const agency of demoAgencies) {
    const key = agency.tenant.key;
    const entries = nomenclatureByTenant[key];
    const departments = new Set(agency.departments.map((d) => d.code));

    describe(key, () => {
      it('has unique indexes, each prefixed by an existing department code', () => {
        expect(entries.length).toBeGreaterThan(0);
        expect(duplicates(entries.map((e) => e.index))).toEqual([]);
        for (const e of entries) {
          expect(departments.has(e.departmentCode), `${e.index}: department ${e.departmentCode}`).toBe(true);
          expect(e.index, e.index).toMatch(new RegExp(`^${e.departmentCode.replace('.', '\\.')}-\\d{2}$`));
        }
      });

      it('has case numbers without gaps inside each department', () => {
        for (const dept of departments) {
          const numbers = entries
            .filter((e) => e.departmentCode === dept)
            .map((e) => Number(e.index.split('-').at(-1)))
            .sort((a, b) => a - b);
          expect(numbers, dept).toEqual(numbers.map((_, i) => i + 1));
        }
      });

      it('has sensible retention periods and correct titles', () => {
        for (const e of entries) {
          if (e.retentionYears !== null) {
            expect(Number.isInteger(e.retentionYears), e.index).toBe(true);
            expect(e.retentionYears, e.index).toBeGreaterThanOrEqual(1);
            expect(e.retentionYears, e.index).toBeLessThanOrEqual(75);
          }
        }
        expect(entries.flatMap((e) => nameProblems(`${key}.${e.index}`, e.title))).toEqual([]);
      });

      it('fits the nomenclature schema', () => {
        for (const e of entries) {
          const parsed = referenceInputs.nomenclature.safeParse({
            name: e.title,
            index: e.index,
            retentionYears: e.retentionYears,
          });
          expect(parsed.success, `${e.index}: ${parsed.error?.message}`).toBe(true);
        }
      });
    });
  }

  it('keeps personnel orders and files for 75 years and core orders permanently (demo1)', () => {
    const byIndex = new Map(nomenclature.map((e) => [e.index, e]));
    expect(byIndex.get('07-01')?.retentionYears).toBe(75);
    expect(byIndex.get('07-02')?.retentionYears).toBe(75);
    expect(byIndex.get('01-02')?.retentionYears).toBeNull();
  });
});
