import type { Delivery, ReceivedItem } from '../../api/contract';

/** What the queue's badge says of a received item's signatures. */
export type VerificationBadge = 'verified' | 'unverified' | 'unchecked';

export function verificationBadge(item: Pick<ReceivedItem, 'verification'>): VerificationBadge {
  if (!item.verification) return 'unchecked';
  return item.verification.valid ? 'verified' : 'unverified';
}

/**
 * Whether the clerk may register the item, and if not why: only a waiting item; never a
 * quarantined one; one from an agency on the platform only when its signatures and its signers'
 * authority were verified (§149: an unverifiable document counts as not sent). Mail to the intake
 * address carries no platform signature, so it is registered as it came.
 */
export type Registrability =
  { ok: true } | { ok: false; reason: 'done' | 'quarantined' | 'unverified' | 'unchecked' };

export function registrability(
  item: Pick<ReceivedItem, 'state' | 'source' | 'verification'>,
): Registrability {
  if (item.state === 'quarantined') return { ok: false, reason: 'quarantined' };
  if (item.state !== 'waiting') return { ok: false, reason: 'done' };
  if (item.source === 'platform') {
    if (!item.verification) return { ok: false, reason: 'unchecked' };
    if (!item.verification.valid) return { ok: false, reason: 'unverified' };
  }
  return { ok: true };
}

/** Only a waiting item is refused (a quarantined one is kept aside, never sent back). */
export const mayRefuse = (item: Pick<ReceivedItem, 'state'>) => item.state === 'waiting';

/** The steps of a delivery as the sender's card shows them, in order. */
export type DeliveryStep = 'sent' | 'delivered' | 'received' | 'registered' | 'refused';

export interface TimelineStep {
  step: DeliveryStep;
  /** When it happened; absent for a step still to come. */
  at?: string;
  done: boolean;
}

/**
 * sent → delivered → received → registered, each with its time when reached; a refusal ends the
 * line after the last step reached (the recipient may refuse unopened only through the API, so
 * "received" may be missing before it).
 */
export function deliveryTimeline(delivery: Delivery, sentAt: string | undefined): TimelineStep[] {
  const steps: TimelineStep[] = [
    { step: 'sent', ...(sentAt ? { at: sentAt } : {}), done: true },
    {
      step: 'delivered',
      ...(delivery.deliveredAt ? { at: delivery.deliveredAt } : {}),
      done: delivery.state !== 'sending',
    },
    {
      step: 'received',
      ...(delivery.receivedAt ? { at: delivery.receivedAt } : {}),
      done: Boolean(delivery.receivedAt) || delivery.state === 'received' || delivery.state === 'registered',
    },
  ];
  if (delivery.state === 'refused') {
    return [
      ...steps.filter((s) => s.done),
      { step: 'refused', ...(delivery.refusal ? { at: delivery.refusal.at } : {}), done: true },
    ];
  }
  return [
    ...steps,
    {
      step: 'registered',
      ...(delivery.registration ? { at: delivery.registration.at } : {}),
      done: delivery.state === 'registered',
    },
  ];
}

/** Still waiting for the §148 receipt notice (not registered and not refused). */
export const awaitingReceipt = (delivery: Delivery) =>
  delivery.state !== 'registered' && delivery.state !== 'refused';

/** The receipt period as typed: '' (the agency's default), or a whole number of working days 1–60. */
export function parseReceiptDays(text: string): { value?: number; error?: 'format' } {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (!/^\d{1,2}$/.test(trimmed)) return { error: 'format' };
  const value = Number(trimmed);
  return value >= 1 && value <= 60 ? { value } : { error: 'format' };
}

/** A size in bytes as people read it (KB and MB in base 1024, one decimal). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
