/**
 * Requests and answers of the application flow's public operations (issue 15, third slice): the
 * e-mail confirmation, the payment and the acquirer's callback.
 */
import * as z from 'zod';
import { applicationStates } from '../usecases/application-records';
import { agencyParam } from './eservices.schema';

export { agencyParam };

const applicationNumber = z.string().trim().min(1).max(40).meta({
  description: 'The application number (any case, with or without dashes)',
  example: '7K3M-9QX2-HT4B-W8RC',
});

const fee = z.object({
  amount: z.int().min(0).max(100_000_000_00),
  currency: z
    .string()
    .length(3)
    .regex(/^[A-Z]{3}$/),
});

export const confirmBody = z
  .object({
    number: applicationNumber,
    token: z.string().trim().min(1).max(200).meta({ description: 'The secret of the e-mailed link' }),
  })
  .strict();

export const confirmation = z
  .object({
    number: z.string().max(40),
    state: z.enum(applicationStates),
    fee,
  })
  .meta({
    id: 'ApplicationConfirmation',
    description:
      'The application after its e-mail was confirmed: awaiting payment when it has a fee, else in review',
  });

export const paymentBody = z
  .object({
    number: applicationNumber,
    secondFactor: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .meta({ description: 'A passport number (or FİN) of one of the applicants', example: 'C01234567' }),
  })
  .strict();

export const paymentStart = z
  .object({
    number: z.string().max(40),
    state: z.enum(applicationStates),
    paymentId: z.string().max(100),
    redirectUrl: z.url().meta({ description: 'The acquirer’s hosted payment page: send the browser there' }),
  })
  .meta({ id: 'ApplicationPaymentStart' });

/** The acquirer's signed callback (functions/platform/adapters/payment/protocol.ts): checked on its raw bytes. */
export const paymentCallbackBody = z
  .looseObject({
    type: z.string().max(40),
    orderId: z.string().max(200),
    paymentId: z.string().max(200),
  })
  .meta({
    description:
      'The acquirer’s signed decision (header Payment-Signature: v1=<HMAC-SHA256 of the body>); verified against the payment as created',
  });

export const paymentCallbackAnswer = z.object({ received: z.literal(true), applied: z.boolean() });
