import * as z from 'zod';
import { roles } from '../../../platform/kernel/roles';
import { positionKinds } from '../domain/org';
import { absenceKinds, absenceStatuses } from '../domain/absence';
import {
  email,
  id,
  isoDate,
  listQuery,
  localizedText,
  meta,
  phone,
  text,
  versioned,
  voen,
} from '../../../platform/http/common.schema';

export const tenantProfile = z
  .object({
    name: localizedText,
    shortName: localizedText.optional(),
    legalAddress: text(300),
    voen,
    email,
    phone: phone.optional(),
    /** How many days back an earlier appeal counts as the same matter (repeat detection). */
    repeatWindowDays: z.int().min(1).max(3650).optional(),
    /** Admins and signers must sign in with a second factor (TOTP); left out of an update: unchanged. */
    requireMfa: z.boolean().optional(),
  })
  .strict();
export const tenantUpdate = tenantProfile.extend(versioned).strict();
/** A tenant is known by its key (the token's tenant claim), not by a UUID. */
export const tenant = tenantProfile
  .extend({
    ...meta,
    id: z
      .string()
      .max(128)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/),
  })
  .meta({ id: 'Tenant' });

export const departmentInput = z
  .object({
    name: localizedText,
    code: z
      .string()
      .trim()
      .max(20)
      .regex(/^[A-Za-z0-9ƏəÇçĞğİıÖöŞşÜü._-]{1,20}$/),
    parentId: id.optional(),
    headPositionId: id.optional(),
    active: z.boolean().default(true),
  })
  .strict();
export const departmentUpdate = departmentInput.extend(versioned).strict();
export const department = departmentInput.extend(meta).meta({ id: 'Department' });
export const departmentListQuery = listQuery.extend({ parentId: id.optional() }).strict();

export const positionInput = z
  .object({
    title: localizedText,
    departmentId: id,
    kind: z.enum(positionKinds),
    roles: z.array(z.enum(roles)).max(roles.length),
    active: z.boolean().default(true),
  })
  .strict();
export const positionUpdate = positionInput.extend(versioned).strict();
export const position = positionInput.extend(meta).meta({ id: 'Position' });
export const positionListQuery = listQuery.extend({ departmentId: id.optional() }).strict();

export const employeeInput = z
  .object({
    fullName: text(200),
    username: z
      .string()
      .trim()
      .toLowerCase()
      .max(63)
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/),
    email,
    phone: phone.optional(),
    positionIds: z.array(id).max(10),
    active: z.boolean().default(true),
  })
  .strict();
export const employeeUpdate = employeeInput.extend(versioned).strict();
export const notificationPreferences = z
  .object({
    email: z.boolean(),
    sms: z.boolean(),
    language: z.enum(['az', 'en', 'ru']),
    digest: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'NotificationPreferences' });
export const employee = employeeInput
  .extend({ ...meta, notifications: notificationPreferences.optional() })
  .meta({ id: 'Employee' });
export const employeeListQuery = listQuery.extend({ positionId: id.optional() }).strict();

export const substitutionInput = z
  .object({
    employeeId: id,
    substituteId: id,
    from: isoDate,
    to: isoDate,
    reason: z.string().trim().max(500).optional(),
    active: z.boolean().default(true),
  })
  .strict();
export const substitutionUpdate = substitutionInput.extend(versioned).strict();
export const substitution = substitutionInput
  .extend({
    ...meta,
    absenceId: id
      .optional()
      .meta({ description: 'The absence this substitution follows (changed only with it)' }),
  })
  .meta({ id: 'Substitution' });
export const substitutionListQuery = listQuery.extend({ employeeId: id.optional() }).strict();

export const absenceInput = z
  .object({
    employeeId: id,
    kind: z.enum(absenceKinds),
    from: isoDate,
    to: isoDate,
    substituteId: id.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export const absenceUpdate = absenceInput.extend(versioned).strict();
export const absenceCancel = z.object(versioned).strict();
export const absence = absenceInput
  .extend({
    ...meta,
    status: z.enum(absenceStatuses),
    substitutionId: id.optional().meta({ description: 'The substitution the absence keeps' }),
  })
  .meta({ id: 'Absence' });
export const absenceListQuery = listQuery.extend({ employeeId: id.optional() }).strict();

export const me = z
  .object({
    employee: z.object({
      id,
      fullName: z.string().max(200),
      username: z.string().max(63),
      email: z.string().max(254),
    }),
    tenant: z.object({ id: z.string().max(64), name: localizedText, shortName: localizedText.optional() }),
    roles: z.array(z.enum(roles)).max(roles.length),
    positions: z.array(z.object({ id, title: localizedText, departmentId: id })).max(10),
  })
  .meta({ id: 'Me' });

/** The signed-in user's second sign-in factor (two-step sign-in, issue 18). */
export const mfaStatus = z
  .object({
    /** The login has an authenticator (TOTP): the identity provider asks for its code at sign-in. */
    totpEnabled: z.boolean(),
    /** This sign-in was made with the second factor (the token's `mfa` claim). */
    signedInWithMfa: z.boolean(),
    /** The agency requires a second factor of admins and signers. */
    requiredByAgency: z.boolean(),
  })
  .meta({ id: 'MfaStatus' });

/** A started enrolment: the shared secret (base32) and the otpauth URI to show as a QR code. */
export const totpEnrolment = z
  .object({
    secret: z.string().max(128),
    otpauthUri: z.string().max(512),
  })
  .meta({ id: 'TotpEnrolment' });

export const totpConfirm = z
  .object({
    /** The 6-digit code the authenticator shows now. */
    code: z
      .string()
      .max(16)
      .trim()
      .regex(/^\d{6}$/),
  })
  .strict();
