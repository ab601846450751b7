import { describe, expect, it } from 'vitest';
import { regions } from '../../../../functions/modules/reference/domain/standard-lists/regions';
import { stateBodies } from '../../../../functions/modules/reference/domain/standard-lists/state-bodies';
import { referenceInputs } from '../../../../functions/modules/reference/api/reference.schema';
import { duplicates, nameProblems } from '../../local/seed/text-checks';

describe('seed: state bodies', () => {
  it('lists at least 45 bodies', () => {
    expect(stateBodies.length).toBeGreaterThanOrEqual(45);
  });

  it('has unique, slug-shaped codes', () => {
    const codes = stateBodies.map((b) => b.code);
    expect(duplicates(codes)).toEqual([]);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has no duplicate names in any language', () => {
    for (const lang of ['az', 'en', 'ru'] as const) {
      expect(duplicates(stateBodies.map((b) => b.name[lang].toLocaleLowerCase('az')))).toEqual([]);
    }
  });

  it('has no duplicate abbreviations', () => {
    const withShort = stateBodies.flatMap((b) => (b.shortName ? [b.shortName] : []));
    for (const lang of ['az', 'en', 'ru'] as const) {
      expect(duplicates(withShort.map((s) => s[lang]))).toEqual([]);
    }
  });

  it('names every body correctly in az, en and ru', () => {
    const problems = stateBodies.flatMap((b) => [
      ...nameProblems(`${b.code}.name`, b.name),
      ...(b.shortName ? nameProblems(`${b.code}.shortName`, b.shortName, true) : []),
    ]);
    expect(problems).toEqual([]);
  });

  it('links parents that exist, without self-references', () => {
    const codes = new Set(stateBodies.map((b) => b.code));
    for (const b of stateBodies) {
      if (b.parentCode === undefined) continue;
      expect(codes.has(b.parentCode), `${b.code} → ${b.parentCode}`).toBe(true);
      expect(b.parentCode).not.toBe(b.code);
    }
  });

  it('includes the bodies the product is built around', () => {
    const codes = new Set(stateBodies.map((b) => b.code));
    for (const code of [
      'president-admin',
      'milli-majlis',
      'cabinet',
      'central-bank',
      'asan',
      'dost',
      'migration-service',
      'foreign-affairs',
      'labour',
      'social-protection-fund',
      'tax-service',
      'customs',
      'justice',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('does not list bodies abolished by the 2015–2022 reorganisations', () => {
    const az = stateBodies.map((b) => b.name.az);
    for (const gone of [
      'Vergilər Nazirliyi',
      'Əmlak Məsələləri Dövlət Komitəsi',
      'Qiymətli Kağızlar üzrə Dövlət Komitəsi',
      'Milli Təhlükəsizlik Nazirliyi',
      'Rabitə və Yüksək Texnologiyalar Nazirliyi',
      'Dövlət Torpaq və Xəritəçəkmə Komitəsi',
      'Azərbaycan Respublikasının Təhsil Nazirliyi',
      'Mədəniyyət və Turizm Nazirliyi',
    ]) {
      expect(
        az.filter((n) => n.includes(gone)),
        gone,
      ).toEqual([]);
    }
  });

  it('fits the counterparts reference-list schema, address and e-mail included', () => {
    for (const b of stateBodies) {
      const parsed = referenceInputs.counterparts.safeParse({
        name: b.name,
        code: b.code,
        kind: 'state-body',
        ...(b.email ? { email: b.email } : {}),
        ...(b.legalAddress
          ? {
              address: b.legalAddress.street,
              ...(b.legalAddress.postalCode ? { postalCode: b.legalAddress.postalCode } : {}),
            }
          : {}),
      });
      expect(parsed.success, `${b.code}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('places legal addresses in the regions list and lists parents before the bodies under them', () => {
    const regionCodes = new Set(regions.map((r) => r.code));
    const seen = new Set<string>();
    for (const b of stateBodies) {
      if (b.legalAddress) expect(regionCodes.has(b.legalAddress.regionCode), b.code).toBe(true);
      if (b.parentCode) expect(seen.has(b.parentCode), `${b.code} after ${b.parentCode}`).toBe(true);
      seen.add(b.code);
    }
    expect(stateBodies.filter((b) => b.legalAddress).length).toBeGreaterThanOrEqual(6);
    expect(stateBodies.filter((b) => b.email).length).toBeGreaterThanOrEqual(3);
    expect(stateBodies.filter((b) => b.parentCode).length).toBeGreaterThanOrEqual(10);
  });
});
