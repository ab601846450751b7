import { allPages } from '../../../platform/kernel/aggregate';
import {
  entryBytes,
  entryHash,
  GENESIS,
  type ChainEntry,
  type ChainLog,
  type JournalLink,
  type OperationLink,
} from '../../documents';
import { leafHash, merkleRoot } from '../domain/merkle';
import type { ArchiveDeps } from './deps';

/** One entry of a document's operations log as the archive keeps and shows it. */
export type ChainedEntry = OperationLink & { hash?: string; chained: boolean };

/** A chain entry that does not hold: its own hash, or its link to the entry before it. */
export interface ChainMismatch {
  log: ChainLog;
  key: string;
  problem: 'hash' | 'link';
  documentId?: string;
  journalId?: string;
  seq?: number;
}

/** A document's whole operations log with its chain (in the order of the chain). */
export async function documentChain(
  deps: ArchiveDeps,
  tenantId: string,
  documentId: string,
): Promise<ChainedEntry[]> {
  const entries = await allPages((page) => deps.documents.operationChain(tenantId, documentId, page));
  const all = entries.map((e) => ({ ...e.link, ...(e.hash ? { hash: e.hash } : {}), chained: e.chained }));
  // Entries from before the chain first (by time), then the chain by its sequence.
  const before = all.filter((e) => !e.chained).sort((a, b) => a.at.localeCompare(b.at));
  const chained = all.filter((e) => e.chained).sort((a, b) => a.seq - b.seq);
  return [...before, ...chained];
}

/** What is wrong with a chain (entries in chain order; unchained entries before the chain are skipped). */
export function chainMismatches(
  log: ChainLog,
  entries: ReadonlyArray<{ chained: boolean; key: string; link: OperationLink | JournalLink; hash?: string }>,
  first: { prevHash: string } = { prevHash: GENESIS },
): ChainMismatch[] {
  const out: ChainMismatch[] = [];
  let prev = first.prevHash;
  for (const e of entries) {
    if (!e.chained) continue;
    const where = {
      log,
      key: e.key,
      seq: e.link.seq,
      ...('documentId' in e.link ? { documentId: e.link.documentId } : {}),
      ...('journalId' in e.link ? { journalId: e.link.journalId } : {}),
    };
    if (entryHash(e.link) !== e.hash) out.push({ ...where, problem: 'hash' });
    if (e.link.prevHash !== prev) out.push({ ...where, problem: 'link' });
    prev = e.hash ?? '';
  }
  return out;
}

/** Checks one document's operations-log chain. */
export async function checkDocumentChain(
  deps: ArchiveDeps,
  tenantId: string,
  documentId: string,
): Promise<{ entries: ChainedEntry[]; mismatches: ChainMismatch[] }> {
  const entries = await documentChain(deps, tenantId, documentId);
  const mismatches = chainMismatches(
    'operations',
    entries.map(({ hash, chained, ...link }) => ({
      chained,
      key: link.opId,
      link,
      ...(hash ? { hash } : {}),
    })),
  );
  return { entries, mismatches };
}

/** Checks a journal year's chain from `fromSeq` on (its entry `fromSeq - 1` gives the first link). */
export async function checkJournalChain(
  deps: ArchiveDeps,
  tenantId: string,
  journalId: string,
  year: number,
): Promise<{ checked: number; mismatches: ChainMismatch[] }> {
  const entries = await allPages((page) => deps.documents.journalChain(tenantId, journalId, year, page));
  const sorted = entries.sort((a, b) => a.link.seq - b.link.seq);
  // A journal whose counter ran before the chain starts at its first chained entry's prevHash.
  const first = sorted[0]?.link.seq === 1 ? GENESIS : (sorted[0]?.link.prevHash ?? GENESIS);
  return { checked: sorted.length, mismatches: chainMismatches('journals', sorted, { prevHash: first }) };
}

/** A day's leaves of one log, in the stable order the index gives them. */
export async function dayLeaves(
  deps: ArchiveDeps,
  tenantId: string,
  day: string,
  log: ChainLog,
): Promise<Array<ChainEntry<OperationLink | JournalLink> & { leaf: Buffer }>> {
  const entries = await allPages((page) => deps.documents.dayEntries(tenantId, day, log, page));
  return entries.filter((e) => e.chained).map((e) => ({ ...e, leaf: leafHash(entryBytes(e.link)) }));
}

/** A day's Merkle root over one log's entries (RFC 6962), with what the leaves say of themselves. */
export async function dayRoot(deps: ArchiveDeps, tenantId: string, day: string, log: ChainLog) {
  const leaves = await dayLeaves(deps, tenantId, day, log);
  return {
    size: leaves.length,
    root: merkleRoot(leaves.map((l) => l.leaf)).toString('hex'),
    leaves,
    selfMismatches: leaves
      .filter((l) => entryHash(l.link) !== l.hash)
      .map((l): ChainMismatch => ({
        log,
        key: l.key,
        problem: 'hash',
        seq: l.link.seq,
        ...('documentId' in l.link ? { documentId: l.link.documentId } : {}),
        ...('journalId' in l.link ? { journalId: l.link.journalId } : {}),
      })),
  };
}
