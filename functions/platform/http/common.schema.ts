import * as z from 'zod';

export { email, id, isoDate, localizedText, phone, text, versioned, voen } from '../kernel/fields';
import { id } from '../kernel/fields';

export const idParam = z.object({ id }).strict();

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

export function pageOf<T extends z.ZodType>(item: T, max = 100) {
  return z.object({ items: z.array(item).max(max), nextCursor: z.string().max(2048).optional() });
}

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
    route: z.string().max(300).optional(),
    existingId: id.optional().meta({ description: 'duplicate_voen: the counterpart that holds the VÖEN' }),
    errors: z
      .array(z.object({ path: z.string().max(200), code: z.string().max(60), message: z.string().max(500) }))
      .max(200)
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
