import * as z from 'zod';
import { searchFacets } from '../domain/search-document';

// The queries are declared with the use cases that read them.
export { quickSearchInput, searchQueryInput } from '../usecases/inputs';

const source = z.enum(['document', 'received', 'application']);

export const searchHit = z
  .object({
    id: z.string().max(100),
    source,
    kind: z.string().max(40),
    status: z.string().max(60),
    registrationNumber: z.string().max(100).optional(),
    registeredAt: z.string().max(40),
    summary: z.string().max(4000),
    parties: z.array(z.string().max(1000)).max(500),
    score: z.number(),
    highlights: z
      .array(
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
          fragments: z.array(z.string().max(10_000)).max(20),
        }),
      )
      .max(10),
  })
  .meta({ id: 'SearchHit' });

const facetCounts = z.array(z.object({ value: z.string().max(100), count: z.int() })).max(1000);

export const searchResult = z
  .object({
    total: z.int(),
    hits: z.array(searchHit).max(100),
    facets: z.object(
      Object.fromEntries(searchFacets.map((f) => [f, facetCounts.optional()])) as {
        [K in (typeof searchFacets)[number]]: z.ZodOptional<typeof facetCounts>;
      },
    ),
    nextCursor: z.string().max(2048).optional(),
  })
  .meta({ id: 'SearchResult' });

export const quickSearchResult = z
  .object({ items: z.array(searchHit).max(50) })
  .meta({ id: 'QuickSearchResult' });
