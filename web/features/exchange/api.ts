import { api, type Page } from '../../lib/api';
import type {
  ExchangeSettings,
  ReceivedFileLink,
  ReceivedItem,
  ReceivedState,
  RegisteredReceived,
} from '../../api/contract';

export type { ExchangeSettings, ReceivedItem, ReceivedState } from '../../api/contract';

const base = '/exchange';
const itemPath = (id: string) => `${base}/received/${encodeURIComponent(id)}`;

/** One page of the agency's received electronic documents in a state, newest first. */
export function listReceived(
  state: ReceivedState,
  cursor: string | undefined,
  signal?: AbortSignal,
  limit = 50,
): Promise<Page<ReceivedItem>> {
  return api<Page<ReceivedItem>>(`${base}/received`, { query: { state, limit, cursor }, signal });
}

/** A received item; the first opening tells the sending agency it was received. */
export function getReceived(id: string): Promise<ReceivedItem> {
  return api<ReceivedItem>(itemPath(id));
}

/** Verifies the stored file again (integrity, chain to the sender's CA, the signers' authority). */
export function verifyReceived(id: string): Promise<ReceivedItem> {
  return api<ReceivedItem>(`${itemPath(id)}/verify`, { method: 'POST' });
}

/** A short-lived link to one file of the item (asked for at the click). */
export function receivedFileLink(id: string, index: number): Promise<ReceivedFileLink> {
  return api<ReceivedFileLink>(`${itemPath(id)}/files/${index}`);
}

export interface RegisterChoices {
  documentTypeId?: string;
  classificationId?: string;
  addresseeId?: string;
  note?: string;
}

/** Registers the item as an incoming document; the receipt notice goes back to the sender. */
export function registerReceived(item: ReceivedItem, choices: RegisterChoices): Promise<RegisteredReceived> {
  return api<RegisteredReceived>(`${itemPath(item.id)}/register`, {
    method: 'POST',
    body: { version: item.version, ...choices },
  });
}

/** Refuses the item with a reason, which goes back to the sender (§149). */
export function refuseReceived(item: ReceivedItem, reason: string): Promise<ReceivedItem> {
  return api<ReceivedItem>(`${itemPath(item.id)}/refuse`, {
    method: 'POST',
    body: { version: item.version, reason },
  });
}

export function getExchangeSettings(): Promise<ExchangeSettings> {
  return api<ExchangeSettings>(`${base}/settings`);
}

export function putExchangeSettings(body: {
  version: number;
  replyTo?: string;
  receiptDays: number;
}): Promise<ExchangeSettings> {
  return api<ExchangeSettings>(`${base}/settings`, { method: 'PUT', body });
}

/** The queue's address of a state, and the card's address of an item. */
export const receivedListPath = (state: ReceivedState = 'waiting') =>
  state === 'waiting' ? '/received/' : `/received/?state=${state}`;
export const receivedCardPath = (id: string) => `/received/view/?id=${encodeURIComponent(id)}`;
