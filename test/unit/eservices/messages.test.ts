import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../../functions/modules/eservices';

describe('field error messages', () => {
  it('exist in az, en and ru for every code, with every parameter filled in and dates as dd.MM.yyyy', () => {
    // Arrange
    const params = { min: '2027-03-01', max: 5, allowed: 'application/pdf', country: 'AFG' };

    // Act
    const texts = Object.entries(fieldMessages).map(([code, message]) => [code, message(params)] as const);

    // Assert
    for (const [code, text] of texts) {
      for (const lang of ['az', 'en', 'ru'] as const) {
        expect(text[lang], `${code}.${lang}`).not.toBe('');
        expect(text[lang], `${code}.${lang}`).not.toMatch(/[{}]/);
      }
      expect(new Set([text.az, text.en, text.ru]).size, code).toBe(3);
    }
    expect(fieldMessages.date_too_early(params).az).toBe('Tarix 01.03.2027 tarixindən tez ola bilməz');
  });

  it('leave a placeholder visible when its parameter is missing, rather than printing "undefined"', () => {
    // Arrange
    const message = fieldMessages.too_long;

    // Act
    const text = message({});

    // Assert
    expect(text.en).toBe('Must be at most {max} characters');
  });
});
