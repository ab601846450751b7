import { describe, expect, it } from 'vitest';
import {
  foldText,
  isSimilarSummary,
  searchTokens,
  SIMILAR_SUMMARY_THRESHOLD,
  summarySimilarity,
} from '../../../../functions/modules/documents/domain/similarity';

describe('foldText', () => {
  it.each([
    ['İSMAYILLI', 'ismayilli'],
    ['Işıq', 'isiq'],
    ['Ərizə', 'erize'],
    ['ÖLKƏ ÜÇÜN', 'olke ucun'],
    ['Dağ, çay, şəhər', 'dag cay seher'],
    ['Şəki-Zaqatala', 'seki zaqatala'],
    ['«Gəncə» (No. 5)!', 'gence no 5'],
    ['  Torpaq\t sahəsi \n', 'torpaq sahesi'],
    ["mə'lumat", 'melumat'],
    ['mə’lumat', 'melumat'],
    ['Ёлка, ёж', 'елка еж'],
    ['Йод и соль', 'йод и соль'],
    ['Application of the RULES', 'application of the rules'],
    ['', ''],
    ['—…;', ''],
  ])('%j → %j', (input, expected) => {
    // Act / Assert
    expect(foldText(input)).toBe(expected);
  });

  it('folds decomposed letters like composed ones', () => {
    // Arrange: ö, ü, ç, ş written as base letter + combining mark; İ lowercased elsewhere to i + dot
    const decomposed = 'o\u0308lc\u0327u\u0308 s\u0327eher i\u0307cazə';

    // Act / Assert
    expect(foldText(decomposed)).toBe('olcu seher icaze');
  });

  it('is idempotent, so folded queries match folded stored text', () => {
    // Arrange
    const once = foldText('Şəhər İcra Hakimiyyətinə ÜNVANLANMIŞ müraciət');

    // Act / Assert
    expect(foldText(once)).toBe(once);
    expect(once.includes(foldText('icra hakimiyyəti'))).toBe(true);
  });
});

describe('searchTokens', () => {
  it('gives the folded distinct words of three letters or more, in order', () => {
    // Act
    const tokens = searchTokens('Torpaq sahəsinin sənədləşdirilməsi barədə təkrar ərizə; TORPAQ, su, №12');

    // Assert
    expect(tokens).toEqual(['torpaq', 'sahesinin', 'senedlesdirilmesi', 'tekrar', 'erize']);
  });

  it('drops grammatical words of az, en and ru but keeps the request kind', () => {
    // Act
    const tokens = searchTokens('Şikayət haqqında və ya üçün; the report of and; жалоба по оплате для');

    // Assert
    expect(tokens).toEqual(['sikayet', 'report', 'жалоба', 'оплате']);
  });

  it('stops at 30 words', () => {
    // Arrange
    const text = Array.from({ length: 40 }, (_, i) => `söz${i}`).join(' ');

    // Act
    const tokens = searchTokens(text);

    // Assert
    expect(tokens).toHaveLength(30);
    expect(tokens[0]).toBe('soz0');
    expect(tokens[29]).toBe('soz29');
  });

  it('gives nothing for empty or punctuation-only text', () => {
    // Act / Assert
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(' -- , . ')).toEqual([]);
  });
});

// Two phrasings of one matter each: another wording, extra words, inflection, no az keyboard.
const sameMatter: [string, string][] = [
  [
    'Torpaq sahəsinin sənədləşdirilməsi barədə ərizə',
    'Torpaq sahəsinin sənədləşdirilməsi haqqında təkrar ərizə',
  ],
  ['Torpaq sahəsinin sənədləşdirilməsi barədə ərizə', 'Torpaq sahesinin senedlesdirilmesi barede erize'],
  ['Torpaq sahəsinin sənədləşdirilməsi barədə ərizə', 'Torpaq sahəsinin sənədləşdirlməsi barədə ərizəsi'],
  ['Mənzil növbəsinə yazılma barədə müraciət', 'Mənzil növbəsinə yazılması ilə bağlı təkrar müraciət'],
  ['Pensiyanın yenidən hesablanması barədə şikayət', 'Pensiyanın yenidən hesablanmasına dair təkrar şikayət'],
  ['Su təchizatının bərpası barədə', 'İçməli su təchizatının bərpası haqqında müraciət'],
  ['Заявление о перерасчёте пенсии', 'Повторное обращение по перерасчету пенсии'],
];

// Different matters, sharing at most the kind of request or one topic word.
const differentMatters: [string, string][] = [
  ['Torpaq sahəsinin sənədləşdirilməsi barədə ərizə', 'Mənzil növbəsinə yazılma barədə müraciət'],
  ['Pensiyanın yenidən hesablanması barədə şikayət', 'Küçə işıqlandırmasının bərpası barədə şikayət'],
  ['Pensiyanın yenidən hesablanması barədə şikayət', 'Ünvanlı sosial yardımın təyin edilməsi barədə ərizə'],
  ['Mənzil növbəsinə yazılma barədə müraciət', 'Mənzil şəraitinin yaxşılaşdırılması barədə müraciət'],
  ['Məktəbə qəbul haqqında ərizə', 'Uşaq bağçasına qəbul haqqında ərizə'],
  ['Заявление о перерасчёте пенсии', 'Жалоба на ремонт дороги'],
];

describe('summarySimilarity', () => {
  it.each(sameMatter)('scores %j and %j above the threshold', (a, b) => {
    // Act
    const score = summarySimilarity(a, b);

    // Assert
    expect(score).toBeGreaterThanOrEqual(SIMILAR_SUMMARY_THRESHOLD);
    expect(isSimilarSummary(a, b)).toBe(true);
  });

  it.each(differentMatters)('scores %j and %j below the threshold', (a, b) => {
    // Act
    const score = summarySimilarity(a, b);

    // Assert
    expect(score).toBeLessThan(SIMILAR_SUMMARY_THRESHOLD);
    expect(isSimilarSummary(a, b)).toBe(false);
  });

  it('leaves a margin around the threshold on both sides', () => {
    // Act
    const lowestSame = Math.min(...sameMatter.map(([a, b]) => summarySimilarity(a, b)));
    const highestDifferent = Math.max(...differentMatters.map(([a, b]) => summarySimilarity(a, b)));

    // Assert
    expect(lowestSame).toBeGreaterThan(SIMILAR_SUMMARY_THRESHOLD + 0.15);
    expect(highestDifferent).toBeLessThan(SIMILAR_SUMMARY_THRESHOLD - 0.1);
  });

  it.each([
    ['Yolun təmiri barədə', 'Yol təmiri haqqında'],
    ['Kəndin qazlaşdırılması barədə müraciət', 'Kənd qazlaşdırılması haqqında ərizə'],
  ])('still matches %j and %j, whose short words differ by a case ending', (a, b) => {
    // Act: the five-letter stems differ ("yolun" / "yol"); the shared trigrams carry the pair
    const score = summarySimilarity(a, b);

    // Assert
    expect(score).toBeGreaterThanOrEqual(SIMILAR_SUMMARY_THRESHOLD);
    expect(score).toBeLessThan(1);
  });

  it('ranks a rephrasing of the matter above the same subject with another request', () => {
    // Arrange
    const earlier = 'Torpaq sahəsinin sənədləşdirilməsi barədə ərizə';

    // Act
    const rephrased = summarySimilarity(earlier, 'Torpaq sahəsinin sənədləşdirilməsi haqqında təkrar ərizə');
    const otherRequest = summarySimilarity(earlier, 'Torpaq sahəsinin icarəyə verilməsi barədə ərizə');

    // Assert
    expect(rephrased).toBeGreaterThan(otherRequest);
  });

  it('is 1 for identical text, symmetric and within [0, 1]', () => {
    // Arrange
    const pairs = [...sameMatter, ...differentMatters];

    // Act / Assert
    expect(summarySimilarity('Torpaq sahəsi', 'TORPAQ SAHƏSİ')).toBe(1);
    for (const [a, b] of pairs) {
      const score = summarySimilarity(a, b);
      expect(score).toBe(summarySimilarity(b, a));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('tells numbered objects apart', () => {
    // Act
    const score = summarySimilarity('12 saylı məktəbin təmiri barədə', '15 saylı məktəbin təmiri barədə');

    // Assert
    expect(score).toBeLessThan(1);
    expect(score).toBeLessThan(
      summarySimilarity('12 saylı məktəbin təmiri', '12 saylı məktəbin təmiri barədə'),
    );
  });

  it('gives 0 when either side is empty or only names the kind of request', () => {
    // Act / Assert
    expect(summarySimilarity('', '')).toBe(0);
    expect(summarySimilarity('', 'Torpaq sahəsi')).toBe(0);
    expect(summarySimilarity('Ərizə', 'Şikayət')).toBe(0);
    expect(summarySimilarity('Ərizə', 'Torpaq sahəsi barədə ərizə')).toBe(0);
  });

  it('gives 1 for the same text of only request words', () => {
    // Act / Assert
    expect(summarySimilarity('Təkrar ərizə', 'təkrar ərizə.')).toBe(1);
  });
});
