import { describe, expect, it } from 'vitest';
import { indexBody } from '../../../functions/modules/search/opensearch';
import type { SearchDocument } from '../../../functions/modules/search';

type Json = Record<string, unknown>;

/** Every field of `SearchDocument` (the compiler keeps this list complete). */
const documentFields: Record<keyof SearchDocument, true> = {
  tenantId: true,
  id: true,
  source: true,
  version: true,
  kind: true,
  status: true,
  registrationNumber: true,
  senderNumber: true,
  registeredAt: true,
  year: true,
  parties: true,
  identifiers: true,
  summary: true,
  note: true,
  resolutions: true,
  contentText: true,
  departmentId: true,
  classificationId: true,
  nomenclatureId: true,
  participants: true,
  participantUnits: true,
  confidential: true,
  accessList: true,
};

const builtInTokenizers = new Set(['keyword', 'standard', 'whitespace']);
const builtInAnalyzers = new Set(['standard', 'keyword']);

describe('OpenSearch index settings and mappings', () => {
  const body = indexBody();
  const analysis = (body.settings as { analysis: Json }).analysis as {
    char_filter: Record<string, Json>;
    tokenizer: Record<string, Json>;
    filter: Record<string, Json>;
    analyzer: Record<string, { type: string; tokenizer: string; filter: string[]; char_filter?: string[] }>;
  };

  it('is plain JSON (survives a round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it('maps every field of SearchDocument, strictly', () => {
    expect(body.mappings.dynamic).toBe('strict');
    const mapped = Object.keys(body.mappings.properties);
    for (const field of Object.keys(documentFields)) expect(mapped).toContain(field);
    // Only the tombstone flag is extra.
    expect(mapped.filter((f) => !(f in documentFields))).toEqual(['deleted']);
  });

  it('references only analyzers, tokenizers and filters that exist', () => {
    const analyzers = new Set([...Object.keys(analysis.analyzer), ...builtInAnalyzers]);
    const visit = (props: Record<string, Json>) => {
      for (const def of Object.values(props)) {
        for (const key of ['analyzer', 'search_analyzer'] as const) {
          if (def[key] !== undefined) expect(analyzers).toContain(def[key]);
        }
        if (def.fields) visit(def.fields as Record<string, Json>);
        expect(['keyword', 'text', 'date', 'integer', 'boolean']).toContain(def.type);
      }
    };
    visit(body.mappings.properties as Record<string, Json>);
    for (const a of Object.values(analysis.analyzer)) {
      expect(a.type).toBe('custom');
      expect([...Object.keys(analysis.tokenizer), ...builtInTokenizers]).toContain(a.tokenizer);
      for (const f of a.filter) expect(Object.keys(analysis.filter)).toContain(f);
      for (const c of a.char_filter ?? []) expect(Object.keys(analysis.char_filter)).toContain(c);
    }
  });

  it('uses the Turkish lower-casing, the Russian stemmer and edge n-grams for numbers', () => {
    expect(analysis.filter.az_lowercase).toEqual({ type: 'lowercase', language: 'turkish' });
    expect(analysis.filter.ru_stem).toEqual({ type: 'stemmer', language: 'russian' });
    expect(analysis.filter.az_edge_ngram).toMatchObject({ type: 'edge_ngram', min_gram: 1 });
    expect(analysis.analyzer.az_number_index?.filter.at(-1)).toBe('az_edge_ngram');
    expect(analysis.analyzer.az_number?.filter).not.toContain('az_edge_ngram');
    expect(analysis.analyzer.az_key?.filter.at(-1)).toBe('az_stem');
    expect(analysis.analyzer.az_strict?.filter).not.toContain('az_stem');
  });

  it('keeps every pattern_replace filter well-formed and compilable', () => {
    for (const [name, f] of Object.entries(analysis.filter)) {
      if (f.type !== 'pattern_replace') continue;
      expect(typeof f.pattern, name).toBe('string');
      expect(typeof f.replacement, name).toBe('string');
      expect(() => new RegExp(f.pattern as string, 'u')).not.toThrow();
    }
  });

  it('leaves shards and replicas to OpenSearch Serverless', () => {
    expect(Object.keys(body.settings)).toEqual(['analysis']);
  });
});
