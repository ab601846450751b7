import { describe, expect, it } from 'vitest';
import {
  isFin,
  isVoen,
  legalForms,
  normalizeFin,
  normalizeVoen,
  parseFin,
  parseVoen,
} from '../../../../functions/modules/citizen-registries/domain/identifiers';
import { registryOrganizations, registryPersons } from '../../../../infra/local/seed/data/registry';
import {
  registryOrganization,
  registryPerson,
} from '../../../../functions/modules/citizen-registries/api/citizen-registries.schema';

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('FİN', () => {
  it('normalizes to trimmed upper case', () => {
    expect(normalizeFin('  5zk7qh2 ')).toBe('5ZK7QH2');
    expect(parseFin(' 5zk7Qh2')).toBe('5ZK7QH2');
  });

  it('accepts 7 Latin letters and digits', () => {
    for (const fin of ['5ZK7QH2', 'AAAAAAA', '1234567', '0W7WJ9P']) expect(isFin(fin), fin).toBe(true);
  });

  it('rejects other lengths, other letters and unnormalized input', () => {
    for (const fin of ['', '5ZK7QH', '5ZK7QH22', '5ZK-QH2', '5ZK7QƏ2', '5ZK7Qİ2', '5zk7qh2', ' 5ZK7QH2'])
      expect(isFin(fin), fin).toBe(false);
    for (const fin of ['5ZK 7QH2', 'ABCDEF', '5ZK7QH2X', 'Ç1234567', '12345.7'])
      expect(parseFin(fin), fin).toBeUndefined();
  });
});

describe('VÖEN', () => {
  it('normalizes by trimming', () => {
    expect(normalizeVoen(' 1400057421\t')).toBe('1400057421');
    expect(parseVoen(' 1400057421 ')).toBe('1400057421');
  });

  it('accepts exactly 10 digits, whatever the last digit', () => {
    for (const voen of ['1400057421', '1810332392', '0000000000', '1234567893'])
      expect(isVoen(voen), voen).toBe(true);
  });

  it('rejects other lengths and non-digits', () => {
    for (const voen of ['', '140005742', '14000574211', '140005742A', '1400 57421', '١٤٠٠٠٥٧٤٢١'])
      expect(isVoen(voen), voen).toBe(false);
    expect(parseVoen('14-00057421')).toBeUndefined();
  });
});

describe('registry dataset (fictional)', () => {
  it('has about 40 persons and 25 organizations with unique, normalized identifiers', () => {
    expect(registryPersons.length).toBeGreaterThanOrEqual(35);
    expect(registryOrganizations.length).toBeGreaterThanOrEqual(20);
    expect(duplicates(registryPersons.map((p) => p.fin))).toEqual([]);
    expect(duplicates(registryOrganizations.map((o) => o.voen))).toEqual([]);
    for (const p of registryPersons) expect(parseFin(p.fin), p.fin).toBe(p.fin);
    for (const o of registryOrganizations) expect(parseVoen(o.voen), o.voen).toBe(o.voen);
  });

  it('matches the API response schemas', () => {
    for (const p of registryPersons) expect(registryPerson.safeParse(p).error, p.fin).toBeUndefined();
    for (const o of registryOrganizations)
      expect(registryOrganization.safeParse(o).error, o.voen).toBeUndefined();
  });

  it('ends VÖENs in 1 for legal entities and in 2 for individual entrepreneurs', () => {
    for (const o of registryOrganizations)
      expect(o.voen.at(-1), `${o.voen} ${o.legalForm}`).toBe(
        o.legalForm === 'individual-entrepreneur' ? '2' : '1',
      );
  });

  it('covers every legal form and both Baku and the regions', () => {
    expect(new Set(registryOrganizations.map((o) => o.legalForm))).toEqual(new Set(legalForms));
    const inBaku = registryPersons.filter((p) => p.address.startsWith('Bakı şəhəri'));
    expect(inBaku.length).toBeGreaterThan(5);
    expect(registryPersons.length - inBaku.length).toBeGreaterThan(5);
  });

  it('has real calendar dates, none in the future', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const date of [
      ...registryPersons.map((p) => p.birthDate),
      ...registryOrganizations.map((o) => o.registeredAt),
    ]) {
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), date).toBe(date);
      expect(date <= today, date).toBe(true);
    }
  });

  it('holds the fixed points the e2e tests use', () => {
    expect(registryPersons.find((p) => p.fin === '5ZK7QH2')).toMatchObject({
      name: 'Aysel',
      surname: 'Məmmədova',
    });
    expect(registryOrganizations.find((o) => o.voen === '1400057421')).toMatchObject({
      name: '"Xəzər Logistika" MMC',
      legalForm: 'llc',
    });
  });
});
