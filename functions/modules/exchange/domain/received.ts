import type { AggregateMeta } from '../../../platform/kernel/aggregate';

/**
 * A received electronic document (Decree 935 §141, §144–§149), waiting in the recipient agency's
 * queue until a clerk registers it (it becomes an incoming document) or refuses it. It arrives from
 * another agency on the platform (`platform`) or by e-mail to the agency's intake address
 * (`email`). Mail that is oversized, malformed or looks dangerous is kept aside (`quarantined`)
 * with a reason: never lost, never registered automatically. Aggregate type `exchange-received`.
 */
export const receivedSources = ['platform', 'email'] as const;
export type ReceivedSource = (typeof receivedSources)[number];

export const receivedStates = ['waiting', 'registered', 'refused', 'quarantined'] as const;
export type ReceivedState = (typeof receivedStates)[number];

export const quarantineReasons = [
  'oversized',
  'malformed',
  'executable',
  'archive_bomb',
  'too_many_parts',
  'unknown_recipient',
] as const;
export type QuarantineReason = (typeof quarantineReasons)[number];

export interface ReceivedFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Object key in the recipient's part of the attachments bucket. */
  key: string;
  versionId?: string;
  /** The sender's signed single file (platform deliveries). */
  singleFile?: boolean;
}

/** One signature of the received single file as checked (Decree 935 §145). */
export interface ReceivedSignatureCheck {
  fieldName: string;
  signerName?: string;
  positionTitle?: string;
  right?: string;
  signedAt?: string;
  /** The CMS verifies over exactly the bytes its /ByteRange covers. */
  integrity: boolean;
  /** The certificate chains to the sending agency's CA and was valid at the signing time. */
  chain: boolean;
  /** The signer held the signing right, as the sender's record of the signature says. */
  authority: boolean;
  valid: boolean;
}

export interface ReceivedVerification {
  checkedAt: string;
  /** Signed, and every signature valid: only then may the item be registered as verified (§149). */
  valid: boolean;
  signed: boolean;
  /** Codes of what failed (e.g. `integrity`, `chain`, `authority`, `unsigned`, `requisites`). */
  problems: string[];
  signatures: ReceivedSignatureCheck[];
}

export interface ReceivedSender {
  /** The sending agency on the platform (platform deliveries only). */
  tenantId?: string;
  organizationName: string;
  voen?: string;
  /** The address an e-mail came from; the receipt notice goes back there. */
  email?: string;
  address?: string;
}

export interface ReceivedItemData {
  source: ReceivedSource;
  state: ReceivedState;
  /**
   * What makes delivery idempotent: the sender's delivery id (platform) or the SHA-256 of the
   * Message-ID and sender (e-mail). Claimed unique within the recipient tenant.
   */
  deliveryKey: string;
  receivedAt: string;
  sender: ReceivedSender;
  /** The sender's requisites: their registration number and date (yyyy-MM-dd), the summary. */
  requisites: { number?: string; date?: string; summary: string };
  files: ReceivedFile[];
  verification?: ReceivedVerification;
  quarantine?: { reason: QuarantineReason; detail?: string };
  openedAt?: string;
  openedBy?: string;
  registration?: { documentId: string; number: string; date: string; at: string; by: string };
  refusal?: { reason: string; at: string; by: string };
  /** The §148 receipt notice sent back: the signed record's key and SHA-256, and the e-mail's id. */
  receipt?: { at: string; key: string; sha256: string; messageId?: string };
  /**
   * What the verification trusts, as the system read it from the sender's own data at delivery
   * (never from the envelope): the sending agency's CA certificate (DER, base64) and the sender's
   * records of the signatures. A re-verification on the recipient's request uses these, so the
   * request never reads the sender's partition.
   */
  trust?: ReceivedTrust;
  /** A platform delivery's origin: the sender's document and delivery (the system reports back to it). */
  origin?: { documentId: string; deliveryId: string };
  /** The recipient's evidence of what arrived: the envelope as received, kept under `key`. */
  evidence: { envelopeSha256: string; key: string };
}

/** The sender's trust anchors of a platform delivery (see `ReceivedItemData.trust`). */
export interface ReceivedTrust {
  caCertificate?: string;
  signatures: Array<{
    fieldName: string;
    certificateSha256: string;
    at: string;
    right: string;
    positionTitle: string;
    signerName: string;
  }>;
}

export type ReceivedItem = AggregateMeta & ReceivedItemData;

/** The agency's exchange settings (aggregate `exchange-settings`, id = tenant id). */
export interface ExchangeSettingsData {
  /** Replies to the agency's outgoing e-mail go here (Reply-To); absent: the agency's e-mail. */
  replyTo?: string;
  /** Working days the recipient has to send the receipt notice before §150 applies (default 3). */
  receiptDays: number;
}
export const DEFAULT_RECEIPT_DAYS = 3;

/** The store's aggregate type of received items, and the claim that makes a delivery key unique. */
export const RECEIVED = 'exchange-received' as const;
export const DELIVERY_CLAIM = 'exchange-delivery';

/** Newest first: the store lists by ascending sort key. */
export const receivedSortKey = (item: Pick<ReceivedItem, 'receivedAt' | 'id'>) =>
  `${String(9e15 - Date.parse(item.receivedAt)).padStart(16, '0')}#${item.id}`;

/**
 * How every writer stores a received item: listed under its state (`parentKey`), newest first.
 * A create also claims the delivery key, so a replayed delivery makes no second item.
 */
export function receivedWriteOptions(
  item: ReceivedItem,
  actorId: string,
  create: boolean,
): { actorId: string; parentKey: string; sortKey: string; claim?: { scope: string; value: string }[] } {
  return {
    actorId,
    parentKey: item.state,
    sortKey: receivedSortKey(item),
    ...(create ? { claim: [{ scope: DELIVERY_CLAIM, value: item.deliveryKey }] } : {}),
  };
}

/** The agency's exchange settings as stored (aggregate `exchange-settings`, id = tenant id). */
export const SETTINGS = 'exchange-settings' as const;
export type ExchangeSettings = AggregateMeta & ExchangeSettingsData;

/** The settings in force: the stored ones, or the defaults before an admin sets any. */
export function settingsInForce(
  stored: ExchangeSettings | undefined,
): ExchangeSettingsData & { version: number } {
  return {
    version: stored?.version ?? 0,
    receiptDays: stored?.receiptDays ?? DEFAULT_RECEIPT_DAYS,
    ...(stored?.replyTo ? { replyTo: stored.replyTo } : {}),
  };
}

/**
 * The agency's intake address: its tenant key (unique on the platform) at the platform's intake
 * domain. Mail to any other local part is kept aside as `unknown_recipient`.
 */
export const intakeAddress = (tenantId: string, domain: string) => `${tenantId}@${domain}`;
