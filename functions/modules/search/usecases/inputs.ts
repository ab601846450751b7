import * as z from 'zod';

/** A facet's chosen values: the parameter repeated (or comma-separated), at most 20 of them. */
const values = z
  .string()
  .trim()
  .max(1000)
  .transform((v) => [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ])
  .pipe(z.array(z.string().max(100)).max(20));

const isoDay = z.iso.date();

/** `GET /search`: the box's text, the filters, the earlier texts of "search within results", a page. */
export const searchQueryInput = z
  .object({
    q: z.string().trim().max(500).default(''),
    /** Earlier texts of "search within results" (the parameter repeated). */
    within: values.optional(),
    kind: values.optional(),
    status: values.optional(),
    year: values.optional(),
    departmentId: values.optional(),
    classificationId: values.optional(),
    nomenclatureId: values.optional(),
    /** Registration date (Baku calendar day), inclusive. */
    from: isoDay.optional(),
    to: isoDay.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(2048).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'The end of the period comes before its start',
  })
  .meta({ id: 'SearchQueryInput' });

export type SearchInput = z.output<typeof searchQueryInput>;

/** `GET /search/quick`: the header's jump by registration number. */
export const quickSearchInput = z
  .object({ q: z.string().trim().min(1).max(100) })
  .strict()
  .meta({ id: 'QuickSearchInput' });
