import { allPages } from '../../../platform/kernel/aggregate';
import type { DocumentRecord } from '../domain/document';
import { addressedTo, awaitsResolution } from '../domain/awaiting';
import { bakuLocalDate } from '../domain/date-filter';
import { arrivalSortKey, type InboxEntry } from '../domain/tasks';
import type { Substitution } from '../../org';
import type { DocumentWrite } from '../ports';
import type { DocumentDeps } from './common';

/**
 * The lines a document puts in its addressee's lists: Etdiklərim from registration on, and
 * Dərkənar gözləyənlər while it waits for the resolution (held by the substitute, on the
 * official's behalf, while a substitution covers the day). Written in the same transaction as the
 * change that causes them.
 */
export const AWAITING = 'awaiting-resolution' as const;

/** The official's substitutions (active or not), read by the official's key. */
export async function substitutionsOf(
  deps: Pick<DocumentDeps, 'store'>,
  tenantId: string,
  employeeId: string,
): Promise<Substitution[]> {
  // Every substitution of the official, not a first page: absences add one each, year after year.
  return allPages((page) =>
    deps.store.list<Substitution>('substitution', tenantId, { ...page, parentKey: employeeId }),
  );
}

/**
 * Who takes a new task meant for `employeeId` on `date`: their substitute while an active
 * substitution covers the date, otherwise the official.
 */
export async function actingHolder(
  deps: Pick<DocumentDeps, 'store'>,
  tenantId: string,
  employeeId: string,
  date: string,
): Promise<string> {
  const active = (await substitutionsOf(deps, tenantId, employeeId)).find(
    (s) => s.active && s.from <= date && date <= s.to,
  );
  return active?.substituteId ?? employeeId;
}

/** The waiting line of a document in its holder's list (`onBehalfOf` when a substitute holds it). */
export function awaitingLine(
  doc: DocumentRecord & { addresseeId: string },
  holderId: string,
  receivedAt: string,
): InboxEntry {
  return {
    tenantId: doc.tenantId,
    userId: holderId,
    box: AWAITING,
    documentId: doc.id,
    assignmentId: '',
    sortKey: arrivalSortKey(receivedAt, doc.id),
    open: true,
    receivedAt,
    status: doc.status,
    ...(holderId !== doc.addresseeId ? { onBehalfOf: doc.addresseeId } : {}),
  };
}

/**
 * Where the waiting line of a document addressed to `addresseeId` is now: with the official or
 * with one of their substitutes (a substitution may have started or ended since it was written).
 */
export async function heldAwaitingLines(
  deps: DocumentDeps,
  doc: Pick<DocumentRecord, 'tenantId' | 'id'>,
  addresseeId: string,
): Promise<InboxEntry[]> {
  const holders = new Set([
    addresseeId,
    ...(await substitutionsOf(deps, doc.tenantId, addresseeId)).map((s) => s.substituteId),
  ]);
  const lines = await Promise.all(
    [...holders].map((user) => deps.documents.inboxLines(doc.tenantId, user, AWAITING, doc.id)),
  );
  return lines.flat().filter((l) => l.userId === addresseeId || l.onBehalfOf === addresseeId);
}

const keyOf = (l: Pick<InboxEntry, 'userId' | 'box' | 'documentId' | 'assignmentId'>) =>
  `${l.userId}#${l.box}#${l.documentId}#${l.assignmentId}`;

/**
 * Adds to a document's write the addressee's lines its change implies (`before` absent: a new
 * document): the waiting line comes when the document starts waiting or changes addressee and
 * leaves when it stops waiting (resolution, cancellation, archive, a route that will resolve it);
 * a newly addressed registered document enters the addressee's Etdiklərim. Lines the write
 * already carries win over these (one write per item in a transaction).
 */
export async function withAddresseeLines(
  deps: DocumentDeps,
  before: DocumentRecord | undefined,
  write: DocumentWrite,
): Promise<DocumentWrite> {
  const after = write.numbering ? write.numbering.apply(0) : write.document;
  const now = after.updatedAt;
  const was = before && awaitsResolution(before) ? before.addresseeId : undefined;
  const is = awaitsResolution(after) ? after : undefined;
  const lines: InboxEntry[] = [];
  const removed: InboxEntry[] = [];
  const participants = new Set(write.document.participants);
  if (was && was !== is?.addresseeId) removed.push(...(await heldAwaitingLines(deps, after, was)));
  if (is && is.addresseeId !== was) {
    const holder = await actingHolder(deps, after.tenantId, is.addresseeId, bakuLocalDate(now));
    lines.push(awaitingLine(is, holder, now));
    participants.add(holder);
  }
  const addressee = addressedTo(after);
  if (addressee && addressee !== (before && addressedTo(before))) {
    lines.push({
      tenantId: after.tenantId,
      userId: addressee,
      box: 'mine',
      documentId: after.id,
      assignmentId: '',
      sortKey: arrivalSortKey(now, after.id),
      open: true,
      receivedAt: now,
      status: after.status,
    });
  }
  if (lines.length === 0 && removed.length === 0) return write;
  const written = new Set((write.inbox ?? []).map(keyOf));
  const inbox = [...(write.inbox ?? []), ...lines.filter((l) => !written.has(keyOf(l)))];
  const putKeys = new Set(inbox.map(keyOf));
  const removeInbox = [
    ...(write.removeInbox ?? []),
    ...removed
      .filter((l) => !putKeys.has(keyOf(l)))
      .map(({ userId, box, documentId, assignmentId }) => ({ userId, box, documentId, assignmentId })),
  ];
  const numbering = write.numbering;
  return {
    ...write,
    document: { ...write.document, participants: [...participants] },
    ...(numbering
      ? {
          numbering: {
            ...numbering,
            apply: (seq) => ({ ...numbering.apply(seq), participants: [...participants] }),
          },
        }
      : {}),
    inbox,
    ...(removeInbox.length ? { removeInbox } : {}),
  };
}

/** Commits a document change with the addressee's lines it implies (see withAddresseeLines). */
export async function commitWithAddresseeLines(
  deps: DocumentDeps,
  before: DocumentRecord | undefined,
  write: DocumentWrite,
): ReturnType<DocumentDeps['documents']['commit']> {
  return deps.documents.commit(await withAddresseeLines(deps, before, write));
}
