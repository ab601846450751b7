/**
 * An outgoing document's delivery to one agency on the platform (Decree 935 §141, §148–§150),
 * kept on the sender's document (`outgoing.deliveries`). The exchange module moves it on:
 * `sending` (written with the dispatch) → `delivered` (in the recipient's queue of received
 * electronic documents) → `received` (the recipient's clerk opened it) → `registered` (the §148
 * receipt notice arrived) or `refused` (§149, with the recipient's reason). Until the notice
 * arrives the document counts as not received; past `receiptDueAt` without it, §150 applies and
 * `noReceipt` is set.
 */
export const deliveryStates = ['sending', 'delivered', 'received', 'registered', 'refused'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export interface Delivery {
  /** Unique; the recipient's received item carries it as its delivery key (idempotent delivery). */
  id: string;
  dispatchId: string;
  /** Index of the recipient in `outgoing.recipients`. */
  recipientIndex: number;
  recipientTenantId: string;
  recipientName: string;
  state: DeliveryState;
  /**
   * When the receipt notice (§148) must have arrived (UTC instant): set at delivery (the period
   * runs in the sender's working days from then), absent while `sending`.
   */
  receiptDueAt?: string;
  deliveredAt?: string;
  /** The recipient's clerk first opened it. */
  receivedAt?: string;
  /** From the receipt notice: the recipient's registration number and date (yyyy-MM-dd). */
  registration?: { number: string; date: string; at: string };
  refusal?: { reason: string; at: string };
  /** §150: no receipt by `receiptDueAt`: when that was found, and the task given to the sender. */
  noReceipt?: { at: string; taskId?: string };
  /**
   * The sender's evidence: SHA-256 of the single file sent, and the receipt notice (a signed record
   * kept in the sender's object store under `receiptKey`) with its SHA-256.
   */
  evidence?: { sentSha256: string; receiptKey?: string; receiptSha256?: string };
}
