import * as z from 'zod';
import { id, listQuery, meta, pageOf, versioned } from '../../../platform/http/common.schema';
import { webhookEventTypes } from '../domain/events';
import { deliveryStates } from '../domain/subscription';

const instant = z.iso.datetime();

export const webhookEventType = z.enum(webhookEventTypes).meta({
  id: 'WebhookEventType',
  description: 'An event an agency may subscribe to (`application.decided`: e-services, not emitted yet)',
});

const url = z.string().trim().min(8).max(2000);
const events = z.array(webhookEventType).min(1).max(webhookEventTypes.length);
const description = z.string().trim().max(300);

export const subscriptionParam = z.object({ id }).strict();
export const subscriptionListQuery = listQuery;

export const createSubscriptionBody = z
  .object({ url, events, active: z.boolean().default(true), description: description.optional() })
  .strict();

export const updateSubscriptionBody = z
  .object({
    ...versioned,
    url: url.optional(),
    events: events.optional(),
    active: z.boolean().optional(),
    description: description.optional(),
  })
  .strict();

export const rotateSecretBody = z.object({ ...versioned }).strict();
/** A delete names the version it saw, like every other change. */
export const deleteSubscriptionBody = z.object({ ...versioned }).strict();

export const webhookSubscription = z
  .object({
    ...meta,
    url: z.string().max(2000),
    events: z.array(webhookEventType).max(webhookEventTypes.length),
    active: z.boolean(),
    description: z.string().max(300).optional(),
    secretRotatedAt: instant.optional(),
  })
  .meta({ id: 'WebhookSubscription' });

const secret = z.string().max(100).meta({
  description:
    'The signing secret (`whsec_` + base64 of 32 bytes): shown only in this answer; the HMAC key is the base64-decoded part',
});

export const subscriptionWithSecret = z
  .object({ subscription: webhookSubscription, secret })
  .meta({ id: 'WebhookSubscriptionWithSecret' });

/** A 204 answer has no body. */
export const noContent = z.null();

export const subscriptionPage = pageOf(webhookSubscription);

const attempt = z.object({
  at: instant,
  durationMs: z.int().min(0),
  status: z.int().min(0).max(999).optional(),
  error: z.string().max(60).optional(),
});

export const webhookDelivery = z
  .object({
    ...meta,
    subscriptionId: id,
    eventId: z.string().max(40),
    eventType: webhookEventType,
    state: z.enum(deliveryStates),
    attempts: z.array(attempt).max(20),
  })
  .meta({ id: 'WebhookDelivery' });

export const deliveryPage = pageOf(webhookDelivery);

/** The payloads receivers get (the OpenAPI document's `webhooks`): ids, numbers and dates only. */
const envelope = <T extends webhook, D extends z.ZodObject>(type: T, data: D) =>
  z
    .object({
      id: z.string().max(40).meta({ description: 'Stable event id; the same as the webhook-id header' }),
      type: z.literal(type),
      timestamp: instant.meta({ description: 'When the fact happened' }),
      data,
    })
    .strict();
type webhook = (typeof webhookEventTypes)[number];

export const webhookPayloads = {
  'document.registered': envelope(
    'document.registered',
    z.object({ documentId: id, registrationNumber: z.string().max(100), registeredAt: instant }),
  ),
  'document.received': envelope('document.received', z.object({ receivedId: id, receivedAt: instant })),
  'resolution.written': envelope('resolution.written', z.object({ documentId: id, resolutionId: id })),
  'execution.overdue': envelope(
    'execution.overdue',
    z.object({ documentId: id, resolutionId: id, dueDate: z.iso.date() }),
  ),
  'application.decided': envelope('application.decided', z.object({ applicationId: id })),
} satisfies Record<webhook, z.ZodType>;

/** What each event means, for the document. */
export const webhookSummaries: Record<webhook, string> = {
  'document.registered': 'A document was registered (it got its registration number)',
  'document.received':
    'A received electronic document arrived in the agency’s queue (from another agency or by e-mail)',
  'resolution.written': 'A resolution (dərkənar) was written on a document',
  'execution.overdue': 'A controlled resolution’s execution deadline passed without its execution',
  'application.decided': 'An e-service application was decided (declared; not emitted yet)',
};
