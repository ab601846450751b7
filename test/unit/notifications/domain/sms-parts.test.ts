import { describe, expect, it } from 'vitest';
import { smsParts } from '../../../../functions/modules/notifications/domain/sms-parts';

describe('smsParts', () => {
  it('sends plain Latin text as GSM-7: 160 septets in one part, 153 per part beyond', () => {
    // Act + Assert
    expect(smsParts('a'.repeat(160))).toEqual({ encoding: 'gsm7', parts: 1, units: 160 });
    expect(smsParts('a'.repeat(161))).toEqual({ encoding: 'gsm7', parts: 2, units: 161 });
    expect(smsParts('a'.repeat(306))).toEqual({ encoding: 'gsm7', parts: 2, units: 306 });
    expect(smsParts('a'.repeat(307))).toEqual({ encoding: 'gsm7', parts: 3, units: 307 });
  });

  it('counts the extension table (€, [, ], {, }, ~, |, ^, \\) as two septets, never split across parts', () => {
    // Act + Assert
    expect(smsParts('€'.repeat(80))).toEqual({ encoding: 'gsm7', parts: 1, units: 160 });
    expect(smsParts(`${'a'.repeat(152)}€${'a'.repeat(10)}`)).toMatchObject({ parts: 2, units: 164 });
    // 152 + an escape that does not fit in the first part: the € starts the second.
    expect(smsParts(`${'a'.repeat(152)}€${'a'.repeat(151)}`)).toMatchObject({ parts: 2, units: 305 });
    expect(smsParts(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ parts: 3, units: 306 });
  });

  it('keeps ö, ü, Ç and é in GSM-7, but one ə, ğ, ı, ş or lower-case ç makes the whole text UCS-2', () => {
    // Act + Assert
    expect(smsParts('Göndərildi').encoding).toBe('ucs2');
    expect(smsParts('Ödəniş').encoding).toBe('ucs2');
    expect(smsParts('Çox gözəl').encoding).toBe('ucs2');
    expect(smsParts('Ürək').encoding).toBe('ucs2');
    for (const letter of ['ə', 'ğ', 'ı', 'ş', 'ç', 'Ə', 'Ğ', 'İ', 'Ş'])
      expect(smsParts(`Salam ${letter}`).encoding).toBe('ucs2');
    expect(smsParts('Öküz Çöl güzel é').encoding).toBe('gsm7');
  });

  it('sends Azerbaijani text as UCS-2: 70 characters in one part, 67 per part beyond', () => {
    // Arrange
    const seventy = '7-DX/26: icra müddəti 10.03.2026, 3 iş günü qalıb. Sənədə baxın bu gün';

    // Act + Assert
    expect(seventy).toHaveLength(70);
    expect(smsParts(seventy)).toEqual({ encoding: 'ucs2', parts: 1, units: 70 });
    expect(smsParts(`${seventy}!`)).toEqual({ encoding: 'ucs2', parts: 2, units: 71 });
    expect(smsParts('ə'.repeat(134))).toMatchObject({ parts: 2 });
    expect(smsParts('ə'.repeat(135))).toMatchObject({ parts: 3 });
  });

  it('counts a character outside the BMP as two units and keeps its pair in one part', () => {
    // Act + Assert
    expect(smsParts('📄')).toEqual({ encoding: 'ucs2', parts: 1, units: 2 });
    expect(smsParts(`${'ə'.repeat(66)}📄${'ə'.repeat(10)}`)).toMatchObject({ parts: 2, units: 78 });
    expect(smsParts(`${'ə'.repeat(66)}📄${'ə'.repeat(65)}`)).toMatchObject({ parts: 2, units: 133 });
    expect(smsParts(`${'ə'.repeat(66)}📄${'ə'.repeat(66)}`)).toMatchObject({ parts: 3, units: 134 });
  });

  it('bills an empty text as one part', () => {
    // Act + Assert
    expect(smsParts('')).toEqual({ encoding: 'gsm7', parts: 1, units: 0 });
  });
});
