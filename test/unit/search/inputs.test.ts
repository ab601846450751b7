import { describe, expect, it } from 'vitest';
import { quickSearchInput, searchQueryInput } from '../../../functions/modules/search/usecases/inputs';

describe('search inputs', () => {
  it('takes repeated or comma-separated facet values, without blanks or repeats', () => {
    const parsed = searchQueryInput.parse({
      q: '  ərizə ',
      kind: 'incoming, outgoing,,incoming',
      limit: '5',
    });
    expect(parsed).toMatchObject({ q: 'ərizə', kind: ['incoming', 'outgoing'], limit: 5 });
  });

  it('refuses more than 20 values of a facet, a period that ends before it starts, and unknown fields', () => {
    const many = Array.from({ length: 21 }, (_, i) => `k${i}`).join(',');
    expect(searchQueryInput.safeParse({ kind: many }).success).toBe(false);
    expect(searchQueryInput.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(searchQueryInput.safeParse({ from: '02.03.2026' }).success).toBe(false);
    expect(searchQueryInput.safeParse({ limit: '101' }).success).toBe(false);
    expect(searchQueryInput.safeParse({ tenantId: 't2' }).success).toBe(false);
  });

  it('needs something to jump to in the header', () => {
    expect(quickSearchInput.safeParse({ q: '  ' }).success).toBe(false);
    expect(quickSearchInput.parse({ q: ' D-1 ' })).toEqual({ q: 'D-1' });
  });
});
