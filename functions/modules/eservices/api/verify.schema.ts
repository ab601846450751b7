/**
 * The public e-visa endpoints' schemas: the JWK set of the e-visa code key and the check of a
 * scanned code. The examples are one real code and its key (a throw-away key, not the platform's).
 */
import * as z from 'zod';

const EXAMPLE_CODE =
  'AZV:060KY85W58469%6646646.Q6O-0 WO2T9GY8FD1L+9MA8MY95IADB8JY8V71746V6B.462R6A:01N0101%*0101$61VZ3UU00$CP2EYVA6QJGOP$07/KGBUVV9AWO556OY14FM6V/3+C66YOL.40HBWJ0 RPM1GPKTZRKLML*FT03PB3WNHL95T+IE9U4QD9GQPE*V.+VOXRTB83:5';

const isoDate = z.iso.date();

export const visaCodeJwk = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z
      .string()
      .length(43)
      .regex(/^[A-Za-z0-9_-]+$/),
    y: z
      .string()
      .length(43)
      .regex(/^[A-Za-z0-9_-]+$/),
    kid: z
      .string()
      .length(11)
      .regex(/^[A-Za-z0-9_-]+$/),
    alg: z.literal('ES256'),
    use: z.literal('sig'),
  })
  .meta({ id: 'VisaCodeJwk', description: 'A P-256 verification key of e-visa codes (RFC 7517/7518)' });

export const visaCodeKeySet = z.object({ keys: z.array(visaCodeJwk).min(1).max(20) }).meta({
  id: 'VisaCodeKeySet',
  description:
    'The JWK set that verifies e-visa codes offline (ECDSA P-256 / SHA-256 over the code’s body): the current key first, then retired keys whose visas may still be valid',
  example: {
    keys: [
      {
        kty: 'EC',
        crv: 'P-256',
        x: 'ZFoIP8DNloxnRgkzZZXIQmHNSuYbmz2UkXfDCRRKpXo',
        y: 'l1a96nrDRnzIZhomNwX4xt921r4iAg10UI2J3hJvl9I',
        kid: 'VK-a48oJN4Q',
        alg: 'ES256',
        use: 'sig',
      },
    ],
  },
});

export const verifyVisaBody = z
  .object({
    code: z
      .string()
      .min(5)
      .max(2000)
      .meta({ description: 'The QR code’s text as scanned: `AZV:` and Base45 (RFC 9285)' }),
  })
  .strict()
  .meta({ id: 'VerifyVisaRequest', example: { code: EXAMPLE_CODE } });

const visaData = z
  .object({
    visaNumber: z.string().max(32),
    surname: z.string().max(200),
    givenNames: z.string().max(200),
    nationality: z.string().length(3),
    passportNumber: z.string().max(20),
    birthDate: isoDate,
    validFrom: isoDate,
    validUntil: isoDate,
    maxStayDays: z.int().min(1).max(255),
    entries: z.int().min(1).max(255),
    agency: z.string().max(40),
    keyId: z.string().length(11),
  })
  .meta({ id: 'VisaCodeData', description: 'What the signed code carries' });

export const verifiedVisa = z
  .object({
    valid: z.literal(true),
    visa: visaData,
    checkLine: z
      .string()
      .max(200)
      .meta({ description: 'The line printed under the QR code, to compare by eye' }),
    period: z
      .enum(['not-yet-valid', 'current', 'expired'])
      .meta({ description: 'Today (Baku) against the visa’s validity' }),
  })
  .meta({
    id: 'VerifiedVisa',
    description: 'The visa’s data: its code’s signature verifies with the published key set',
    example: {
      valid: true,
      visa: {
        visaNumber: 'EV-2026-000042',
        surname: 'MÜLLER',
        givenNames: 'ANNA MARIA',
        nationality: 'DEU',
        passportNumber: 'C01X00T47',
        birthDate: '1990-04-12',
        validFrom: '2026-07-01',
        validUntil: '2026-09-28',
        maxStayDays: 30,
        entries: 1,
        agency: 'demo1',
        keyId: 'VK-a48oJN4Q',
      },
      checkLine: 'EV-2026-000042 · C01X00T47 · 01.07.2026–28.09.2026 · VK-a48oJN4Q',
      period: 'current',
    },
  });
