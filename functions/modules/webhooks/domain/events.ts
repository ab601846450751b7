import { sha256Hex } from '../../../platform/kernel/hashing';

/**
 * The events an agency's integrators may subscribe to. `application.decided` is declared for the
 * e-services module, which does not exist yet: nothing emits it so far.
 */
export const webhookEventTypes = [
  'document.registered',
  'document.received',
  'resolution.written',
  'execution.overdue',
  'application.decided',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * What each event's `data` carries: ids, numbers and dates only — never a document's contents (a
 * receiver that wants more reads it through the API with its own credentials).
 */
export interface WebhookEventData {
  'document.registered': { documentId: string; registrationNumber: string; registeredAt: string };
  'document.received': { receivedId: string; receivedAt: string };
  'resolution.written': { documentId: string; resolutionId: string };
  'execution.overdue': { documentId: string; resolutionId: string; dueDate: string };
  'application.decided': { applicationId: string };
}

/** One event of one agency, as the fan-out sees it; the body a receiver gets is `eventBody(event)`. */
export interface WebhookEvent<T extends WebhookEventType = WebhookEventType> {
  /** Stable: the same fact (a replayed stream record, a retried task) gives the same id. */
  id: string;
  type: T;
  tenantId: string;
  /** When the fact happened (taken from the record, so a replay has the same one). */
  timestamp: string;
  data: WebhookEventData[T];
}

/**
 * The event id of a fact: a hash of the event type, the agency and what identifies the fact (e.g.
 * the document id and its registration number). `evt_` and 32 hex digits.
 */
export function eventId(type: WebhookEventType, tenantId: string, ...parts: string[]): string {
  const hash = sha256Hex([type, tenantId, ...parts].join('\u0000'));
  return `evt_${hash.slice(0, 32)}`;
}

/** Builds an event with its stable id from the parts that identify the fact. */
export function webhookEvent<T extends WebhookEventType>(
  type: T,
  tenantId: string,
  timestamp: string,
  data: WebhookEventData[T],
  identity: string[],
): WebhookEvent<T> {
  return { id: eventId(type, tenantId, ...identity), type, tenantId, timestamp, data };
}

/** The JSON body a receiver gets: the event without the agency (the subscription says whose it is). */
export function eventBody(event: WebhookEvent): string {
  return JSON.stringify({ id: event.id, type: event.type, timestamp: event.timestamp, data: event.data });
}
