import { describe, expect, it } from 'vitest';
import {
  analysisDefinition,
  analyzeQuery,
  analyzeStrict,
  analyzeText,
  matchesWord,
  numberKey,
  numberPrefixes,
  turkicLower,
} from '../../../functions/modules/search/domain/analysis';

/** Whether a query finds a text: every query word matches some word of the text (the last by prefix). */
function finds(query: string, text: string, asYouType = false): boolean {
  const keys = analyzeText(text);
  return analyzeQuery(query, { asYouType }).every((q) => keys.some((k) => matchesWord(q, k)));
}

/** Whether a typed number finds a stored one by prefix of their keys. */
const findsNumber = (typed: string, stored: string) => numberPrefixes(stored).includes(numberKey(typed));

describe('Azerbaijani analysis', () => {
  it('lower-cases with the Turkic rules', () => {
    expect(turkicLower('İSTANBUL')).toBe('istanbul');
    expect(turkicLower('IĞDIR')).toBe('ığdır');
  });

  it.each([
    ['İSTANBUL', 'istanbul şəhərində'],
    ['istanbul', 'İSTANBUL'],
    ['ISTANBUL', 'İstanbul'],
    ['IĞDIR', 'ığdır rayonu'],
    ['ığdır', 'IĞDIR'],
    ['igdir', 'Iğdır'],
    ['Məmmədova', 'Məmmədova Aysel'],
    ['MAMMADOVA', 'Məmmədova Aysel'],
    ['memmedova', 'Məmmədova Aysel'],
    ['Mamedova', 'Məmmədova Aysel'],
    ['Мамедова', 'Məmmədova Aysel'],
    ['ərizə', 'ərizələrin qəbulu'],
    ['ərizələrin', 'ərizə'],
    ['ərizəsinin', 'yeni ərizə'],
    ['erizeye', 'ərizədə'],
    ['kitablarımızda', 'kitab'],
    ['sənədlər', 'sənəd'],
    ['документов', 'документ о приёме'],
    ['документами', 'Документы'],
    ['заявление', 'заявлений'],
    ['Khalilov', 'Xəlilov Rəşad'],
    ['Aliev', 'Əliyev'],
    ['Quliyev', 'Guliyev'],
    ["Bakı'da", 'Bakıda'],
    ['Bakının', 'Bakı'],
    ['komissiyaya', 'komissiya'],
    ['Rusiyaya', 'Rusiya'],
    ['Türkiyəyə', 'Türkiyə'],
    ['Prezidentinin', 'Prezident'],
    ['vaxtında', 'vaxt'],
    ['müdirinin', 'müdir'],
  ])('%s finds %s', (query, text) => {
    expect(finds(query, text)).toBe(true);
  });

  it.each([
    ['İSTANBUL', 'Ankara'],
    ['IĞDIR', 'İdarə'],
    ['Məmmədova', 'Məmmədli Aysel'],
    ['Məmmədova', 'Həsənova Aysel'],
    ['MAMMADOVA', 'Məhərrəmova'],
    ['ərizə', 'ərik'],
    ['ərizələrin', 'əmrlərin'],
    ['документов', 'доктор'],
    ['заявление', 'заявка'],
    ['qadın', 'qadağa'],
    ['dünya', 'dün'],
    ['kitab', 'kitabxana'],
    ['Rusiya', 'rus dili'],
  ])('%s does not find %s', (query, text) => {
    expect(finds(query, text)).toBe(false);
  });

  it('keeps short words whole and does not cut stems that look like endings', () => {
    expect(analyzeText('ev evdə')).toEqual(['av', 'avda']);
    expect(analyzeText('qadın qadınlar')).toEqual(['gadin', 'gadin']);
    expect(analyzeText('dünya dünyada')).toEqual(['dunya', 'dunya']);
    expect(analyzeText('müdir Qədir')).toEqual(['mudir', 'gadir']);
  });

  it('gives one key per word, so indexing and querying line up', () => {
    const text = 'Məmmədova Aysel ərizələrin D-1/26 документов';
    expect(analyzeText(text)).toHaveLength(analyzeStrict(text).length);
    expect(analyzeText('ərizələrin')).toEqual(['ariza']);
    expect(analyzeStrict('Məmmədova')).toEqual(['memmedova']);
  });

  it('matches an unfinished last word by prefix', () => {
    expect(finds('ərizələ', 'ərizələrin qəbulu', true)).toBe(true);
    expect(finds('Məmməd', 'Məmmədova Aysel', true)).toBe(true);
    expect(finds('докум', 'документов', true)).toBe(true);
    expect(finds('Məmməd', 'Məmmədova Aysel', false)).toBe(false);
    expect(finds('ərizə xyz', 'ərizələrin qəbulu', true)).toBe(false);
    // A finished word (the text ends in a space) is not a prefix.
    expect(analyzeQuery('ərizə ', { asYouType: true })[0]?.prefixes).toBeUndefined();
  });

  it('keys numbers without case or separators and matches them by prefix', () => {
    expect(numberKey('D-1/26')).toBe('d126');
    expect(numberKey('NK-1234/05')).toBe('nk123405');
    expect(numberKey('Ş-7')).toBe('s7');
    expect(findsNumber('D-1', 'D-1/26')).toBe(true);
    expect(findsNumber('d1/26', 'D-1/26')).toBe(true);
    expect(findsNumber('nk-1234', 'NK-1234/05')).toBe(true);
    expect(findsNumber('NK 1234', 'NK-1234/05')).toBe(true);
    expect(findsNumber('D-2', 'D-1/26')).toBe(false);
    expect(findsNumber('nk-1235', 'NK-1234/05')).toBe(false);
    expect(findsNumber('K-1', 'D-1/26')).toBe(false);
  });

  it('writes every rule as a regular expression both JavaScript and Java read alike', () => {
    const d = analysisDefinition;
    const rules = [
      ...d.charRules,
      ...d.preStemRules,
      ...d.transliteration,
      ...d.looseRules,
      d.stemmer,
      ...d.numberRules,
    ];
    for (const r of rules) {
      expect(() => new RegExp(r.pattern, 'u')).not.toThrow();
      // No JavaScript-only syntax: named groups, \k, unicode sets, sticky or dotAll flags inline.
      expect(r.pattern).not.toMatch(/\(\?<[a-zA-Z]|\\k<|\\u\{|\(\?s\)/);
      // Replacements only refer to groups as $n.
      expect(r.replacement).not.toMatch(/\$[<&`']/);
    }
    // Java look-behind must be bounded: no * or + inside one.
    for (const r of rules) {
      for (const m of r.pattern.matchAll(/\(\?<[=!]([^)]*)\)/g)) expect(m[1]).not.toMatch(/[*+]|\{\d+,\}/);
    }
  });
});
