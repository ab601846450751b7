import * as z from 'zod';
import { versioned } from '../../../platform/http/common.schema';
import type { RouteDef } from '../../../platform/http/route';

const V1 = '/api/v1';

export const smsSettingsInput = z
  .object({
    enabled: z.boolean(),
    /** Billed SMS parts a calendar month (Asia/Baku). */
    monthlyParts: z.int().min(1).max(1_000_000),
  })
  .strict();

export const smsSettings = smsSettingsInput
  .extend({
    month: z
      .string()
      .max(7)
      .regex(/^\d{4}-\d{2}$/),
    used: z.int().min(0),
    exceededAt: z.iso.datetime().optional(),
    version: z.int().positive(),
  })
  .meta({ id: 'SmsSettings' });

/**
 * The agency's SMS notices (admins only): on or off, the monthly budget of parts, and this month's
 * use. Served by the org group's Lambda, beside the agency profile kept on the same record.
 */
export const smsSettingsRoutes = [
  {
    method: 'GET',
    path: `${V1}/tenant/sms`,
    group: 'org',
    operationId: 'getSmsSettings',
    summary: "The agency's SMS setting and this month's parts used",
    tag: 'org',
    auth: 'jwt',
    roles: ['admin'],
    response: smsSettings,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: `${V1}/tenant/sms`,
    group: 'org',
    operationId: 'updateSmsSettings',
    summary: "Turn the agency's SMS notices on or off and set the monthly parts",
    tag: 'org',
    auth: 'jwt',
    roles: ['admin'],
    body: smsSettingsInput.extend(versioned).strict(),
    response: smsSettings,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
