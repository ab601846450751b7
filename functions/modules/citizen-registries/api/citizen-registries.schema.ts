import * as z from 'zod';
import { legalForms } from '../domain/identifiers';
import { isoDate, phone } from '../../../platform/http/common.schema';

/**
 * Path parameters: lower case and surrounding spaces are accepted (the use case normalizes); the
 * pattern is documented so that clients can check input before asking. The loose maxLength only
 * bounds input, so a wrong length reads as `invalid_format` like any other malformed value.
 */
export const finParam = z
  .object({
    fin: z
      .string()
      .trim()
      .max(32)
      .regex(/^[0-9A-Za-z]{7}$/)
      .meta({ description: 'FİN: 7 Latin letters and digits (the personal code on the identity card)' }),
  })
  .strict();

export const voenParam = z
  .object({
    voen: z
      .string()
      .trim()
      .max(32)
      .regex(/^[0-9]{10}$/)
      .meta({ description: 'VÖEN: the 10-digit taxpayer identification number' }),
  })
  .strict();

const line = (max: number) => z.string().max(max);

export const registryPerson = z
  .object({
    fin: z
      .string()
      .max(7)
      .regex(/^[0-9A-Z]{7}$/),
    surname: line(100),
    name: line(100),
    patronymic: line(100).optional(),
    birthDate: isoDate,
    address: line(300),
    phone: phone.optional(),
    email: z.email().max(254).optional(),
  })
  .meta({ id: 'RegistryPerson', description: 'A person as the passport registry (FİN) returns them' });

export const registryOrganization = z
  .object({
    voen: z
      .string()
      .max(10)
      .regex(/^[0-9]{10}$/),
    name: line(300),
    legalForm: z.enum(legalForms).meta({
      description:
        'llc: MMC, ojsc: ASC, cjsc: QSC, public-legal-entity: publik hüquqi şəxs, individual-entrepreneur: fərdi sahibkar',
    }),
    address: line(300),
    director: line(200).optional(),
    phone: phone.optional(),
    email: z.email().max(254).optional(),
    registeredAt: isoDate.meta({ description: 'Date of state registration' }),
  })
  .meta({
    id: 'RegistryOrganization',
    description: 'An organization or individual entrepreneur as the business registry (VÖEN) returns it',
  });
