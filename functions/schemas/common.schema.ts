import { z } from 'zod';

/** Trimmed, non-empty, bounded text. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const localizedText = z
  .object({
    az: text(500),
    en: z.string().trim().max(500).optional(),
    ru: z.string().trim().max(500).optional(),
  })
  .strict()
  .meta({ id: 'LocalizedText', description: 'Text in Azerbaijani (required), English and Russian' });

export const id = z.uuid();
export const idParam = z.object({ id }).strict();
export const isoDate = z.iso.date();
export const email = z.email().max(254);
export const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+?[0-9 ()-]{7,20}$/);
export const voen = z
  .string()
  .length(10)
  .regex(/^\d{10}$/);

export const meta = {
  id,
  version: z.int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  })
  .strict();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item).max(100), nextCursor: z.string().max(2048).optional() });
}

/** Every update carries the version it was based on (optimistic concurrency). */
export const versioned = { version: z.int().positive() };

export const problem = z
  .object({
    type: z.string().max(200),
    title: z.string().max(300),
    status: z.int().min(400).max(599),
    detail: z.string().max(1000).optional(),
    instance: z.string().max(500).optional(),
    code: z.string().max(60),
    documentStatus: z.string().max(40).optional(),
    operation: z.string().max(40).optional(),
    errors: z
      .array(z.object({ path: z.string().max(200), code: z.string().max(60), message: z.string().max(500) }))
      .max(200)
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
