/**
 * The request and answer schemas of the citizens' public application API (no login): uploads of
 * scans, the submit, the status look-up. The form itself is checked by the domain
 * (`validateApplication`) against the published definition, so the body's `common` and
 * `applicants` are objects of any fields here: a field error comes back on its path with its
 * message, not as a schema error.
 */
import * as z from 'zod';
import { agencyKey, publicServiceCode } from './eservices.schema';
import { trilingual } from './definition.schema';

const instant = z.iso.datetime();
const NUMBER_EXAMPLE = '7K3M-9QX2-HT4B-W8RC';

export const publicServiceParam = z.object({ agency: agencyKey, code: publicServiceCode }).strict();
export const publicAgencyParam = z.object({ agency: agencyKey }).strict();

export const uploadBody = z
  .object({
    field: z.string().min(1).max(40).meta({ description: 'The file field’s code in the form' }),
    name: z.string().trim().min(1).max(200).meta({ description: 'The file’s name, as shown back' }),
    mediaType: z.string().min(3).max(100).meta({ description: 'One of the field’s media types' }),
    bytes: z
      .int()
      .min(1)
      .max(100 * 1024 * 1024),
    sha256: z
      .string()
      .length(44)
      .regex(/^[A-Za-z0-9+/]{43}=$/)
      .meta({ description: 'SHA-256 of the bytes, base64 (S3 refuses other bytes on the PUT)' }),
  })
  .strict()
  .meta({
    id: 'ApplicationUploadRequest',
    examples: [
      {
        field: 'passportScan',
        name: 'passport.pdf',
        mediaType: 'application/pdf',
        bytes: 183204,
        sha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
      },
    ],
  });

export const uploadAnswer = z
  .object({
    ref: z.string().max(64).meta({ description: 'The upload’s ref: name it in the file field’s value' }),
    upload: z.object({
      url: z.url(),
      method: z.literal('PUT'),
      signedHeaders: z
        .record(z.string().max(100), z.string().max(2000))
        .meta({ description: 'Send these headers with the PUT (they are signed)' }),
      expiresAt: instant,
    }),
  })
  .meta({
    id: 'ApplicationUpload',
    description: 'Where to PUT the file’s bytes (a presigned URL bound to its type, length and SHA-256)',
    examples: [
      {
        ref: 'kQ3v8s1bX0cW4nR2aTq9LmZp',
        upload: {
          url: 'https://files.karguzar.az/demo1/eservices/uploads/kQ3v8s1bX0cW4nR2aTq9LmZp?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=5d2c8e0f7a41b9c63e1d04f8a7b25c96e3d10f4a8b72c5e9d06f1a3b8c4e7d20',
          method: 'PUT',
          signedHeaders: {
            'content-type': 'application/pdf',
            'x-amz-checksum-sha256': 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
          },
          expiresAt: '2027-03-01T08:15:00.000Z',
        },
      },
    ],
  });

const fields = z.record(z.string().max(40), z.unknown());

export const submitBody = z
  .object({
    language: z
      .enum(['az', 'en', 'ru'])
      .meta({ description: 'The applicant’s language: notices, receipt, payment page' }),
    variant: z.string().min(1).max(40),
    common: fields.meta({ description: 'The common fields by code (contact e-mail and phone, …)' }),
    applicants: z.array(fields).min(1).max(50).meta({
      description: 'Each applicant’s fields by code; a file field is a list of {ref, name, mediaType, bytes}',
    }),
  })
  .strict()
  .meta({
    id: 'ApplicationSubmitRequest',
    examples: [
      {
        language: 'en',
        variant: 'standard',
        common: { email: 'tour@example.co.uk', phone: '+44 20 7946 0958' },
        applicants: [
          {
            surname: 'Müller',
            givenNames: 'Anna Maria',
            sex: 'female',
            birthDate: '1988-04-12',
            nationality: 'DEU',
            passportNumber: 'C01X00T47',
            passportIssueDate: '2020-01-15',
            passportExpiryDate: '2030-01-14',
            purpose: 'tourism',
            arrivalDate: '2027-03-10',
            addressInAzerbaijan: 'Nizami küç. 10, Bakı',
            passportScan: [
              {
                ref: 'kQ3v8s1bX0cW4nR2aTq9LmZp',
                name: 'passport.pdf',
                mediaType: 'application/pdf',
                bytes: 183204,
              },
            ],
          },
        ],
      },
    ],
  });

const money = z.object({ amount: z.int().min(0), currency: z.string().length(3) });

export const submitAnswer = z
  .object({
    number: z
      .string()
      .max(19)
      .meta({ description: 'The application number (with a second factor: the look-up)' }),
    state: z.enum(['awaiting-confirmation', 'awaiting-payment', 'in-review', 'decided', 'cancelled']),
    submittedAt: instant,
    receiptUrl: z.url().meta({ description: 'The receipt PDF (a link valid for minutes)' }),
    confirmBy: instant
      .optional()
      .meta({ description: 'Open the e-mailed link before this, or the application is cancelled' }),
    fee: money.meta({ description: 'The whole application’s fee, minor units' }),
  })
  .meta({
    id: 'SubmittedApplication',
    examples: [
      {
        number: NUMBER_EXAMPLE,
        state: 'awaiting-confirmation',
        submittedAt: '2027-03-01T08:00:00.000Z',
        receiptUrl:
          'https://files.karguzar.az/demo1/eservices/applications/7K3M-9QX2-HT4B-W8RC/receipt.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=5d2c8e0f7a41b9c63e1d04f8a7b25c96e3d10f4a8b72c5e9d06f1a3b8c4e7d20',
        confirmBy: '2027-03-01T09:00:00.000Z',
        fee: { amount: 2000, currency: 'USD' },
      },
    ],
  });

export const statusBody = z
  .object({
    number: z.string().min(1).max(40),
    secondFactor: z.string().min(1).max(40).meta({ description: 'An applicant’s passport number or FİN' }),
  })
  .strict()
  .meta({
    id: 'ApplicationStatusRequest',
    examples: [{ number: NUMBER_EXAMPLE, secondFactor: 'C01X00T47' }],
  });

export const statusAnswer = z
  .object({
    number: z.string().max(19),
    service: z.object({ code: z.string().max(64), name: trilingual(200) }),
    state: z.enum(['awaiting-confirmation', 'awaiting-payment', 'in-review', 'decided', 'cancelled']),
    submittedAt: instant,
    level: z
      .object({
        startedAt: instant,
        dueAt: instant,
        lastDay: z.string().max(10).meta({ description: 'The last day of the service level (Baku)' }),
      })
      .optional(),
    payment: z
      .object({
        status: z.enum(['pending', 'paid', 'declined', 'cancelled']),
        amount: z.int().min(0),
        currency: z.string().length(3),
      })
      .optional(),
    decisions: z
      .array(
        z.object({
          applicant: z.int().min(0).meta({ description: 'Index into the application’s applicants' }),
          outcome: z.enum(['approved', 'refused']),
          reason: z.string().max(2000).optional(),
          resultUrl: z
            .url()
            .optional()
            .meta({ description: 'The e-visa or decision letter (a link valid for minutes)' }),
        }),
      )
      .max(50),
    receiptUrl: z.url(),
  })
  .meta({
    id: 'ApplicationStatus',
    examples: [
      {
        number: NUMBER_EXAMPLE,
        service: {
          code: 'e-visa',
          name: { az: 'Elektron viza', en: 'Electronic visa', ru: 'Электронная виза' },
        },
        state: 'decided',
        submittedAt: '2027-03-01T08:00:00.000Z',
        level: {
          startedAt: '2027-03-01T08:20:00.000Z',
          dueAt: '2027-03-05T20:00:00.000Z',
          lastDay: '2027-03-05',
        },
        payment: { status: 'paid', amount: 2000, currency: 'USD' },
        decisions: [
          {
            applicant: 0,
            outcome: 'approved',
            resultUrl:
              'https://files.karguzar.az/demo1/eservices/applications/7K3M-9QX2-HT4B-W8RC/result-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=5d2c8e0f7a41b9c63e1d04f8a7b25c96e3d10f4a8b72c5e9d06f1a3b8c4e7d20',
          },
        ],
        receiptUrl:
          'https://files.karguzar.az/demo1/eservices/applications/7K3M-9QX2-HT4B-W8RC/receipt.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=5d2c8e0f7a41b9c63e1d04f8a7b25c96e3d10f4a8b72c5e9d06f1a3b8c4e7d20',
      },
    ],
  });
