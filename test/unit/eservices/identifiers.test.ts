import { describe, expect, it } from 'vitest';
import {
  checkPhone,
  countryCodes,
  isCountryCode,
  isFin,
  isPassportNumber,
  normalizeEmail,
  normalizeFin,
  normalizePassportNumber,
} from '../../../functions/modules/eservices';
import {
  isFin as registryIsFin,
  normalizeFin as registryNormalizeFin,
} from '../../../functions/modules/citizen-registries';

describe('FİN', () => {
  it('accepts exactly what the citizen registry accepts', () => {
    // Arrange
    const typed = ['5ZK7QH2', ' 5zk7qh2 ', '5ZK7QH', '5ZK7QH22', '5ZK-7QH', '0000000', 'ÇZK7QH2', ''];

    // Act
    const ours = typed.map((t) => isFin(normalizeFin(t)));
    const registry = typed.map((t) => registryIsFin(registryNormalizeFin(t)));

    // Assert
    expect(ours).toEqual(registry);
    expect(ours).toEqual([true, true, false, false, false, true, false, false]);
  });

  it('reads the dotted capital İ of an Azerbaijani keyboard as I', () => {
    // Arrange
    const typed = '5zİ7qh2';

    // Act
    const fin = normalizeFin(typed);

    // Assert
    expect(fin).toBe('5ZI7QH2');
    expect(isFin(fin)).toBe(true);
  });
});

describe('passport numbers', () => {
  it('drop spaces, take upper case, and have 5–20 Latin letters and digits', () => {
    // Arrange
    const typed = ['c 0123 4567', 'AB12', 'AB123', 'A'.repeat(20), 'A'.repeat(21), 'C-0123456', 'С0123456'];

    // Act
    const checked = typed.map((t) => isPassportNumber(normalizePassportNumber(t)));

    // Assert: the last one starts with a Cyrillic С.
    expect(normalizePassportNumber('c 0123 4567')).toBe('C01234567');
    expect(checked).toEqual([true, false, true, true, false, false, false]);
  });
});

describe('checkPhone', () => {
  it('gives E.164 for international and Azerbaijani shapes, and tells Azerbaijani mobile numbers', () => {
    // Arrange
    const typed = [
      '+994 50 123 45 67',
      '994501234567',
      '00994 70 123 45 67',
      '050-123-45-67',
      '(012) 498 12 34',
      '+1 (202) 555-0100',
      '+44 20 7946 0958',
    ];

    // Act
    const checked = typed.map(checkPhone);

    // Assert
    expect(checked).toEqual([
      { ok: true, e164: '+994501234567', azerbaijan: true, mobile: true },
      { ok: true, e164: '+994501234567', azerbaijan: true, mobile: true },
      { ok: true, e164: '+994701234567', azerbaijan: true, mobile: true },
      { ok: true, e164: '+994501234567', azerbaijan: true, mobile: true },
      { ok: true, e164: '+994124981234', azerbaijan: true, mobile: false },
      { ok: true, e164: '+12025550100', azerbaijan: false, mobile: undefined },
      { ok: true, e164: '+442079460958', azerbaijan: false, mobile: undefined },
    ]);
  });

  it('refuses what cannot be a number: letters, a leading zero after +, too short or long, a +994 number of the wrong length', () => {
    // Arrange
    const typed = [
      '+994 50 123 45 6',
      '+994 50 123 45 678',
      '+0 123 4567',
      '+12345',
      '+1234567890123456',
      '501234567',
      'call me',
      '+994 050 123 45 67',
    ];

    // Act
    const checked = typed.map((t) => checkPhone(t).ok);

    // Assert
    expect(checked).toEqual([false, false, false, false, false, false, false, false]);
  });
});

describe('normalizeEmail', () => {
  it('keeps the local part, lower-cases the domain, and refuses what cannot be delivered', () => {
    // Arrange
    const typed = [
      ' Aysel.Mammadova+visa@Mail.AZ ',
      'a@b.az',
      'x@xn--80ak6aa92e.com',
      'no-at.az',
      'a@b',
      'a..b@c.az',
      '.a@c.az',
      'a@-b.az',
      'a@b.a1',
      `${'a'.repeat(65)}@b.az`,
      'a b@c.az',
    ];

    // Act
    const normalized = typed.map(normalizeEmail);

    // Assert
    expect(normalized).toEqual([
      'Aysel.Mammadova+visa@mail.az',
      'a@b.az',
      'x@xn--80ak6aa92e.com',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('country codes', () => {
  it('are the 249 ISO 3166-1 alpha-3 codes, sorted and unique', () => {
    // Arrange
    const codes = countryCodes;

    // Act
    const sorted = [...codes].sort();

    // Assert
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    expect(codes).toEqual(sorted);
    expect(['AZE', 'TUR', 'GEO', 'DEU', 'USA'].every(isCountryCode)).toBe(true);
    expect(['aze', 'AZ', 'XKX', 'SUN'].some(isCountryCode)).toBe(false);
  });
});
