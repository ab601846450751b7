import * as z from 'zod';

/** Field schemas every module's inputs are built of (validated at the edge, typed for the use cases). */

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

/** Every update carries the version it was based on (optimistic concurrency). */
export const versioned = { version: z.int().positive() };
