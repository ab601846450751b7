import * as z from 'zod';
import { searchFacets } from '../domain/search-document';

// The queries are declared with the use cases that read them.
export { quickSearchInput, searchQueryInput } from '../usecases/inputs';

const source = z.enum(['document', 'received', 'application']);

export const searchHit = z
  .object({
    id: z.string(),
    source,
    kind: z.string(),
    status: z.string(),
    registrationNumber: z.string().optional(),
    registeredAt: z.string(),
    summary: z.string(),
    parties: z.array(z.string()),
    score: z.number(),
    highlights: z.array(
      z.object({
        field: z.enum([
          'registrationNumber',
          'senderNumber',
          'parties',
          'summary',
          'note',
          'resolutions',
          'contentText',
        ]),
        /** Fragments with matches in `<mark>`…`</mark>`; everything else HTML-escaped. */
        fragments: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'SearchHit' });

const facetCounts = z.array(z.object({ value: z.string(), count: z.int() }));

export const searchResult = z
  .object({
    total: z.int(),
    hits: z.array(searchHit),
    facets: z.object(
      Object.fromEntries(searchFacets.map((f) => [f, facetCounts.optional()])) as {
        [K in (typeof searchFacets)[number]]: z.ZodOptional<typeof facetCounts>;
      },
    ),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'SearchResult' });

export const quickSearchResult = z.object({ items: z.array(searchHit) }).meta({ id: 'QuickSearchResult' });
