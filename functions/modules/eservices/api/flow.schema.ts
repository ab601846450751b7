/**
 * Requests and answers of the application flow's public operations (issue 15, third slice): the
 * e-mail confirmation, the payment and the acquirer's callback.
 */
import * as z from 'zod';
import { applicationStates } from '../usecases/application-records';
import { agencyParam } from './eservices.schema';

export { agencyParam };

/** The examples' application (the same as the submit's and the status's examples). */
const NUMBER_EXAMPLE = '7K3M-9QX2-HT4B-W8RC';
const PASSPORT_EXAMPLE = 'C01X00T47';
const PAYMENT_ID_EXAMPLE = 'pay_4f1c9a2be07d53a8c61e0b95';

const applicationNumber = z.string().trim().min(1).max(40).meta({
  description: 'The application number (any case, with or without dashes)',
  example: NUMBER_EXAMPLE,
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
  .strict()
  .meta({ examples: [{ number: NUMBER_EXAMPLE, token: 'Yq3vN8cTzR1mK5pW0sXa7dLbE4hJ2uGf9oQiC6nVt8M' }] });

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
    examples: [{ number: NUMBER_EXAMPLE, state: 'awaiting-payment', fee: { amount: 2000, currency: 'USD' } }],
  });

export const paymentBody = z
  .object({
    number: applicationNumber,
    secondFactor: z.string().trim().min(1).max(40).meta({
      description: 'A passport number (or FİN) of one of the applicants',
      example: PASSPORT_EXAMPLE,
    }),
  })
  .strict()
  .meta({ examples: [{ number: NUMBER_EXAMPLE, secondFactor: PASSPORT_EXAMPLE }] });

export const paymentStart = z
  .object({
    number: z.string().max(40),
    state: z.enum(applicationStates),
    paymentId: z.string().max(100),
    redirectUrl: z.url().meta({ description: 'The acquirer’s hosted payment page: send the browser there' }),
  })
  .meta({
    id: 'ApplicationPaymentStart',
    examples: [
      {
        number: NUMBER_EXAMPLE,
        state: 'awaiting-payment',
        paymentId: PAYMENT_ID_EXAMPLE,
        redirectUrl: `https://pay.example-acquirer.az/pay/${PAYMENT_ID_EXAMPLE}`,
      },
    ],
  });

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
    examples: [
      {
        type: 'payment.decided',
        merchantId: 'karguzar',
        paymentId: PAYMENT_ID_EXAMPLE,
        orderId: `demo1:${NUMBER_EXAMPLE}`,
        amount: 2000,
        currency: 'USD',
        status: 'paid',
        decidedAt: '2027-03-01T08:41:12.000Z',
        callbackId: '3d5b7f21-0c4e-4a9b-b8d6-5e2f1a7c9034',
        timestamp: '2027-03-01T08:41:12.350Z',
      },
    ],
  });

/** The callback's signature header (the implementation checks it on the raw body). */
export const paymentCallbackHeaders = z.object({
  'Payment-Signature': z
    .string()
    .max(200)
    .regex(/^v1=[0-9a-f]{64}$/)
    .meta({
      description: '`v1=` and the hex HMAC-SHA256 of the exact body bytes, keyed with the merchant’s secret',
      example: 'v1=9c1f4e0b7a2d5c8e3f6a1b4d7e0c2f5a8b1d4e7c0a3f6b9d2e5c8a1f4b7d0e3a',
    }),
});

export const paymentCallbackAnswer = z
  .object({ received: z.literal(true), applied: z.boolean() })
  .meta({ examples: [{ received: true, applied: true }] });
