import { describe, expect, it } from 'vitest';
import { regions } from '../../../../functions/modules/reference/domain/standard-lists/regions';
import { referenceInputs } from '../../../../functions/modules/reference/api/reference.schema';
import { duplicates, nameProblems } from '../../local/seed/text-checks';

const byCode = new Map(regions.map((r) => [r.code, r]));
const childrenOf = (code: string) => regions.filter((r) => r.parentCode === code);

describe('seed: regions', () => {
  it('has unique, slug-shaped codes', () => {
    expect(duplicates(regions.map((r) => r.code))).toEqual([]);
    for (const r of regions) expect(r.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('names every region correctly in az, en and ru', () => {
    expect(regions.flatMap((r) => nameProblems(r.code, r.name))).toEqual([]);
  });

  it('has no duplicate names within a kind', () => {
    for (const kind of ['city', 'district', 'autonomous-republic', 'settlement'] as const) {
      const ofKind = regions.filter((r) => r.kind === kind);
      for (const lang of ['az', 'en', 'ru'] as const) {
        expect(duplicates(ofKind.map((r) => r.name[lang])), `${kind} ${lang}`).toEqual([]);
      }
    }
  });

  it('uses the Azerbaijani suffix that matches the kind', () => {
    for (const r of regions) {
      if (r.kind === 'district') expect(r.name.az, r.code).toMatch(/ rayonu$/);
      if (r.kind === 'city') expect(r.name.az, r.code).toMatch(/ şəhəri$/);
      if (r.kind === 'district') expect(r.name.ru, r.code).toMatch(/ район$/);
      if (r.kind === 'city') expect(r.name.ru, r.code).toMatch(/^город /);
    }
  });

  it('links parents that exist and can hold children', () => {
    for (const r of regions) {
      if (r.parentCode === undefined) continue;
      const parent = byCode.get(r.parentCode);
      expect(parent, `${r.code} → ${r.parentCode}`).toBeDefined();
      if (r.kind === 'settlement') expect(parent?.kind, `${r.code}: in a district`).toBe('district');
      else expect(parent?.parentCode, `${r.code}: parents are top-level`).toBeUndefined();
      expect(r.kind).not.toBe('autonomous-republic');
    }
  });

  it('lists settlements under their districts, named as settlements, before nothing they contain', () => {
    const settlements = regions.filter((r) => r.kind === 'settlement');
    expect(settlements.length).toBeGreaterThanOrEqual(25);
    for (const s of settlements) {
      expect(s.name.az, s.code).toMatch(/ qəsəbəsi$/);
      expect(s.name.en, s.code).toMatch(/ settlement$/);
      expect(s.name.ru, s.code).toMatch(/^посёлок /);
      expect(s.code.startsWith(`${s.parentCode}-`), s.code).toBe(true);
      expect(regions.some((r) => r.parentCode === s.code)).toBe(false);
    }
    expect(childrenOf('baku-khazar').map((r) => r.name.az.replace(/ qəsəbəsi$/, ''))).toEqual(
      expect.arrayContaining(['Mərdəkan', 'Şüvəlan', 'Buzovna', 'Zirə']),
    );
  });

  it('lists every parent before its children (the seed creates them in this order)', () => {
    const seen = new Set<string>();
    for (const r of regions) {
      if (r.parentCode) expect(seen.has(r.parentCode), `${r.code} after ${r.parentCode}`).toBe(true);
      seen.add(r.code);
    }
  });

  it('has Baku with its 12 districts', () => {
    expect(byCode.get('baku')?.kind).toBe('city');
    const districts = childrenOf('baku');
    expect(districts.every((d) => d.kind === 'district')).toBe(true);
    expect(districts.map((d) => d.name.az.replace(/ rayonu$/, '')).sort()).toEqual(
      [
        'Binəqədi',
        'Qaradağ',
        'Xətai',
        'Xəzər',
        'Nərimanov',
        'Nəsimi',
        'Nizami',
        'Pirallahı',
        'Sabunçu',
        'Səbail',
        'Suraxanı',
        'Yasamal',
      ].sort(),
    );
  });

  it('has the Naxçıvan AR with its capital and 7 districts', () => {
    expect(byCode.get('nakhchivan-ar')?.kind).toBe('autonomous-republic');
    const children = childrenOf('nakhchivan-ar');
    expect(children.filter((c) => c.kind === 'city').map((c) => c.name.az)).toEqual(['Naxçıvan şəhəri']);
    expect(
      children
        .filter((c) => c.kind === 'district')
        .map((c) => c.name.az.replace(/ rayonu$/, ''))
        .sort(),
    ).toEqual(['Babək', 'Culfa', 'Kəngərli', 'Ordubad', 'Sədərək', 'Şahbuz', 'Şərur'].sort());
  });

  it('has 66 districts (rayonlar): 59 outside and 7 inside the Naxçıvan AR', () => {
    const rayons = regions.filter((r) => r.kind === 'district' && r.parentCode !== 'baku');
    expect(rayons.filter((r) => r.parentCode === undefined)).toHaveLength(59);
    expect(rayons).toHaveLength(66);
  });

  it('has the cities of republican subordination', () => {
    const cities = regions
      .filter((r) => r.kind === 'city' && r.parentCode === undefined)
      .map((r) => r.name.az);
    for (const city of [
      'Bakı',
      'Gəncə',
      'Sumqayıt',
      'Mingəçevir',
      'Naftalan',
      'Şirvan',
      'Lənkəran',
      'Şəki',
      'Yevlax',
      'Xankəndi',
    ]) {
      expect(cities, city).toContain(`${city} şəhəri`);
    }
  });

  it('does not list abolished or renamed units', () => {
    const az = regions.map((r) => r.name.az);
    for (const old of ['Ağdərə', 'Xanlar', 'Dəvəçi', 'Əli Bayramlı', 'Artyom']) {
      expect(
        az.filter((n) => n.startsWith(old)),
        old,
      ).toEqual([]);
    }
  });

  it('fits the regions reference-list schema', () => {
    for (const r of regions) {
      const parsed = referenceInputs.regions.safeParse({ name: r.name, code: r.code, kind: r.kind });
      expect(parsed.success, `${r.code}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
