/** The request and answer schemas of integrators' API keys (an agency admin's). */
import * as z from 'zod';
import { idParam, listQuery, meta, pageOf, versioned } from '../../../platform/http/common.schema';

/** The fewest and most requests a minute a key may be given (the public limit per address is lower). */
export const KEY_LIMITS = { min: 60, max: 60_000 } as const;

export const integratorKeyParam = idParam;

export const integratorKeyListQuery = listQuery.extend({
  revoked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'true: the revoked keys instead of the live ones' }),
});

export const createIntegratorKeyBody = z
  .object({
    name: z.string().trim().min(1).max(200).meta({ description: 'Who holds the key, e.g. the state portal' }),
    requestsPerMinute: z.int().min(KEY_LIMITS.min).max(KEY_LIMITS.max),
  })
  .strict()
  .meta({ examples: [{ name: 'Dövlət portalı', requestsPerMinute: 3000 }] });

export const integratorKey = z
  .object({
    ...meta,
    name: z.string().max(200),
    requestsPerMinute: z.int().min(1),
    prefix: z.string().max(200).meta({ description: 'The key’s first characters, to tell keys apart' }),
    createdBy: z.string().max(200),
    revokedAt: z.iso.datetime().optional(),
    revokedBy: z.string().max(200).optional(),
  })
  .meta({ id: 'IntegratorKey', description: 'An integrator’s API key (never the key itself)' });

export const integratorKeyWithSecret = z
  .object({
    integratorKey,
    key: z.string().max(300).optional().meta({
      description:
        'Send it as `X-Api-Key` on the public API. Shown in this answer only (a replay of the create has none): keep it safe',
    }),
  })
  .meta({ id: 'IntegratorKeyWithSecret' });

export const integratorKeyPage = pageOf(integratorKey);

/** The key's version the admin saw: a key changed meanwhile is not revoked blind (409). */
export const revokeIntegratorKeyBody = z.object({ ...versioned }).strict();
