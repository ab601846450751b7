import type { SearchDocument } from '../../../functions/modules/search/domain/search-document';
import type { SearchQuery, SearchResult } from '../../../functions/modules/search/domain/search-query';
import type { SearchIndex, TextExtractor } from '../../../functions/modules/search/ports';

/**
 * Unit tests' stand-in for the index: keeps what it was given and honours versions like the port
 * says, answers a search with what it was told to. The engines themselves are tested for real in
 * test/integration/search and in their own folders' tests.
 */
export class RecordingIndex implements SearchIndex {
  readonly items = new Map<string, SearchDocument>();
  readonly queries: SearchQuery[] = [];
  answer: SearchResult = { total: 0, hits: [], facets: {} };

  async upsert(docs: readonly SearchDocument[]): Promise<void> {
    for (const d of docs) {
      const key = `${d.tenantId}#${d.id}`;
      const held = this.items.get(key);
      if (!held || held.version < d.version) this.items.set(key, structuredClone(d));
    }
  }

  async remove(refs: readonly { tenantId: string; id: string; version: string }[]): Promise<void> {
    for (const r of refs) {
      const key = `${r.tenantId}#${r.id}`;
      const held = this.items.get(key);
      if (held && held.version <= r.version) this.items.delete(key);
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.queries.push(structuredClone(query));
    return this.answer;
  }

  async count(tenantId: string): Promise<number> {
    return [...this.items.values()].filter((d) => d.tenantId === tenantId).length;
  }
}

/** Counts its calls; "reads" a file as its bytes decoded, or fails for a media type named so. */
export class CountingExtractor implements TextExtractor {
  calls = 0;
  async extract(input: { bytes: Uint8Array; mediaType: string; fileName: string }) {
    this.calls++;
    if (input.mediaType === 'application/x-broken') throw new Error('unreadable');
    return { text: new TextDecoder().decode(input.bytes), method: 'ocr' as const, pages: 1 };
  }
}
