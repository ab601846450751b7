import type { SearchDocument, SearchQuery, SearchViewer } from '../../functions/modules/search';

/** A searchable item with plain defaults: a registered incoming document of tenant `t1` that `clerk` takes part in. */
export function searchDoc(over: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    tenantId: 't1',
    source: 'document',
    version: '1',
    kind: 'incoming',
    status: 'registered',
    registeredAt: '2026-03-02T08:00:00.000Z',
    year: 2026,
    parties: [],
    identifiers: [],
    summary: '',
    resolutions: [],
    contentText: '',
    participants: ['clerk'],
    participantUnits: [],
    confidential: false,
    accessList: [],
    ...over,
  };
}

/** The registry clerk: sees every non-confidential item of the tenant. */
export const registryViewer: SearchViewer = {
  employeeId: 'registry',
  seesAll: true,
  actingFor: [],
  headOf: [],
};

export function searchQuery(over: Partial<SearchQuery> = {}): SearchQuery {
  return {
    tenantId: 't1',
    viewer: registryViewer,
    text: '',
    within: [],
    filters: {},
    size: 20,
    facets: false,
    ...over,
  };
}
