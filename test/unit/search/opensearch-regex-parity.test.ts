import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  numberKey,
  stemLoose,
  looseKey,
  strictKey,
  turkicLower,
  words,
} from '../../../functions/modules/search/domain/analysis';
import { analysis } from '../../../functions/modules/search/opensearch';

/**
 * The OpenSearch analyzers run the analysis definition's rules with java.util.regex (Lucene's
 * pattern_replace). This runs the generated filters through Java and compares them word by word
 * with the TypeScript pipeline. Lower-casing, the Russian stemmer and edge n-grams are Lucene's own
 * filters and not part of this comparison.
 */
const javaSource = join(import.meta.dirname, '../../support/RegexChain.java');
const hasJava = spawnSync('java', ['-version']).status === 0;

type Filter = { type: string; pattern?: string; replacement?: string; all?: boolean };

function patternSteps(analyzer: string): string[] {
  const a = analysis.analyzer[analyzer as keyof typeof analysis.analyzer];
  return a.filter
    .map((name) => (analysis.filter as Record<string, Filter>)[name])
    .filter((f): f is Filter => f?.type === 'pattern_replace')
    .map((f) => `R\t${f.pattern}\t${f.replacement}\t${f.all ? 1 : 0}`);
}

function runJava(steps: string[], inputs: string[]): string[] {
  const res = spawnSync('java', [javaSource], {
    input: [...steps, '--', ...inputs].join('\n') + '\n',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (res.status !== 0) throw new Error(res.stderr);
  return res.stdout.split('\n').slice(0, inputs.length);
}

const sample = [
  'Məmmədova Aysel Rəşad qızı, MAMMADOVA, memmedova, Mamedova',
  'ərizələrin ərizə ərizəni ərizədə ərizəyə ərizəsinin kitablarımızda sənədlərdən',
  'İSTANBUL istanbul IĞDIR ığdır Bakı’da Xəlilov Khalilov Quliyev Əliyev Aliev',
  'qadın qadınlar dünya dünyada müdir Qədir Bəhadır evdə vicdan hava Rusiya',
  'Prezidentinin Bakının vaxtında əraziyə müdirinin nazirliyinin fərmanı Əliyevə',
  'Заявление о приёме документов Мамедова Алиев Гусейнов щука Джафаров объект',
  'Ҹәфәров Әлијев Һәсәнова',
];

describe.skipIf(!hasJava)('OpenSearch analyzers and the TypeScript pipeline agree', () => {
  const ws = [...new Set(sample.flatMap(words))];

  it('on word boundaries, apostrophes and marks', () => {
    const steps = [
      `R\t${analysis.char_filter.az_chars.pattern}\t\t1`,
      `S\t${analysis.tokenizer.az_words.pattern}`,
    ];
    const texts = [...sample, 'İ\u0307 decomposed, ə\u0301'];
    const javaTokens = runJava(steps, texts).map((l) =>
      l.split(' ').map((t) => turkicLower(t).replace(/ё/g, 'е')),
    );
    expect(javaTokens).toEqual(texts.map(words));
  });

  it('on the search key (transliteration, folding, loose classes, suffix chains)', () => {
    const keyed = ws.map((w) => ({ w, key: stemLoose(looseKey(w)) }));
    expect(runJava(patternSteps('az_key'), ws)).toEqual(keyed.map((k) => k.key));
  });

  it('on the strict form', () => {
    expect(runJava(patternSteps('az_strict'), ws)).toEqual(ws.map(strictKey));
  });

  it('on number keys', () => {
    const numbers = ['D-1/26', 'NK-1234/05', 'Ş-7 / ÇƏ', 'İ-12.3', 'ab  12'];
    const lowered = numbers.map(turkicLower);
    expect(runJava(patternSteps('az_number'), lowered)).toEqual(numbers.map(numberKey));
  });
});
