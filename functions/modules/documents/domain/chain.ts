import { sha256Hex } from '../../../platform/kernel/hashing';

/**
 * Tamper evidence (Decree 935 §152, §153.1, §153.8): every operations-log entry and every entry of a
 * registration journal carries the hash of the entry before it in its chain (a document's log; a
 * journal's year) and its own hash over its canonical JSON. The adapter appends an entry and moves
 * the chain's head in one transaction, so the chain can neither fork nor lose a link.
 */

/** The `prevHash` of a chain's first entry. */
export const GENESIS = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` members
 * left out — the same value always gives the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export { sha256Hex };

/** What an operations-log entry's hash covers (everything it records, and its place in the chain). */
export interface OperationLink {
  tenantId: string;
  documentId: string;
  seq: number;
  at: string;
  opId: string;
  actorId: string;
  onBehalfOf?: string;
  action: string;
  changes: unknown;
  comment?: string;
  prevHash: string;
}

/** What a registration-journal entry's hash covers. */
export interface JournalLink {
  tenantId: string;
  journalId: string;
  year: number;
  seq: number;
  number: string;
  documentId: string;
  at: string;
  prevHash: string;
}

/** The canonical bytes of a chain entry (its hash is SHA-256 over them, its Merkle leaf too). */
export const entryBytes = (entry: OperationLink | JournalLink): string => canonicalJson(entry);

export const entryHash = (entry: OperationLink | JournalLink): string => sha256Hex(entryBytes(entry));

/** The chain's head as the adapter keeps it: the last entry's place and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const emptyHead: ChainHead = { seq: 0, hash: GENESIS };
