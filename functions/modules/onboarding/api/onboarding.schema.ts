import * as z from 'zod';
import { email, id, listQuery, localizedText, phone, text, voen } from '../../../platform/http/common.schema';
import { employeeInput } from '../../org';
import { registrationStatuses, TENANT_KEY } from '../domain/onboarding';

/** A tenant's key as it appears in paths and answers (wider than the keys the platform makes now). */
const tenantKey = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);

export const tenantKeyParam = z.object({ id: tenantKey }).strict();

const firstAdmin = z
  .object({
    fullName: text(200),
    username: employeeInput.shape.username,
    email,
  })
  .strict();

export const tenantRegistrationInput = z
  .object({
    key: z
      .string()
      .trim()
      .toLowerCase()
      .max(40)
      .regex(TENANT_KEY)
      .optional()
      .meta({ description: 'The tenant id (3–40 of a–z, 0–9, -); absent: the platform makes one' }),
    name: localizedText,
    shortName: localizedText.optional(),
    legalAddress: text(300),
    voen,
    email: email.optional().meta({ description: "The organization's e-mail; absent: the first admin's" }),
    phone: phone.optional(),
    admin: firstAdmin,
  })
  .strict();

export const tenantRegistration = z
  .object({
    id: tenantKey,
    name: localizedText,
    shortName: localizedText.optional(),
    legalAddress: z.string().max(300),
    voen: z.string().max(10),
    email: z.string().max(254),
    phone: z.string().max(20).optional(),
    admin: z.object({
      fullName: z.string().max(200),
      username: z.string().max(63),
      email: z.string().max(254),
    }),
    status: z.enum(registrationStatuses),
    createdBy: z.string().max(128),
    adminEmployeeId: id.optional(),
    adminJoinedAt: z.iso.datetime().optional(),
    version: z.int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TenantRegistration' });

export const tenantRegistrationListQuery = listQuery;

export const operatorMe = z
  .object({ username: z.string().max(128), role: z.enum(['operator']) })
  .meta({ id: 'PlatformOperator' });

/** The new password; the secret of the link travels in the `X-Invitation-Token` header. */
export const invitationAcceptance = z.object({ password: z.string().min(1).max(256) }).strict();

export const invitationView = z
  .object({
    username: z.string().max(63),
    fullName: z.string().max(200),
    organization: localizedText,
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'InvitationView' });

export const invitationAccepted = z
  .object({ username: z.string().max(63) })
  .meta({ id: 'InvitationAccepted' });
