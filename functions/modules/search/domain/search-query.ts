import type { SearchFacet, SearchSource } from './search-document';

/** The caller as the need-to-know rule sees them (same fields as documents/domain/visibility). */
export interface SearchViewer {
  employeeId: string;
  seesAll: boolean;
  actingFor: readonly string[];
  headOf: readonly string[];
}

/** One search as both engines answer it. Every query is bound to one tenant and one viewer. */
export interface SearchQuery {
  tenantId: string;
  viewer: SearchViewer;
  /** Free text as typed; empty means "everything visible that passes the filters". */
  text: string;
  /** Earlier texts of "search within results": every one must match too. */
  within: string[];
  /** Each facet's chosen values (OR within a facet, AND between facets). */
  filters: Partial<Record<SearchFacet, string[]>>;
  sources?: SearchSource[];
  /** Baku-local dates (yyyy-MM-dd), inclusive, on `registeredAt`. */
  registeredFrom?: string;
  registeredTo?: string;
  /** Page size (1..100). */
  size: number;
  /** Opaque cursor from the previous page (the engine's own). */
  cursor?: string;
  /** Count facet values over all matches (not only the page). */
  facets: boolean;
}

export interface SearchHighlight {
  field:
    'registrationNumber' | 'senderNumber' | 'parties' | 'summary' | 'note' | 'resolutions' | 'contentText';
  /** Fragments with matches wrapped in `<mark>` and `</mark>`; everything else HTML-escaped. */
  fragments: string[];
}

export interface SearchHit {
  id: string;
  source: SearchSource;
  kind: string;
  status: string;
  registrationNumber?: string;
  registeredAt: string;
  summary: string;
  parties: string[];
  score: number;
  highlights: SearchHighlight[];
}

export interface SearchResult {
  /** Matches in all (visible to the viewer). */
  total: number;
  hits: SearchHit[];
  facets: Partial<Record<SearchFacet, { value: string; count: number }[]>>;
  nextCursor?: string;
}
