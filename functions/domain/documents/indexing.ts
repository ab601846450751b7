import { toBakuLocal } from './date-filter';
import type { DocumentData } from './document';
import { foldText } from './similarity';

/** Values a list filters and sorts on, derived from the document (never edited by themselves). */
export interface ListingFields {
  /** Baku local time of registration, or of creation while a draft has no number. */
  listedAt: string;
  summaryFold: string;
  partyFold: string;
}

/** The other side of the document: its sender, recipients or signatory, as one folded string. */
export function partyText(doc: DocumentData): string {
  if (doc.incoming) {
    const s = doc.incoming.sender;
    return s.kind === 'citizen'
      ? [s.name, s.fin].filter(Boolean).join(' ')
      : [s.name, s.voen].filter(Boolean).join(' ');
  }
  if (doc.outgoing) return doc.outgoing.recipients.map((r) => r.name).join('; ');
  return '';
}

export function listingFields(doc: DocumentData & { createdAt: string }): ListingFields {
  return {
    listedAt: toBakuLocal(doc.registration?.at ?? doc.createdAt),
    summaryFold: foldText(doc.summary),
    partyFold: foldText(partyText(doc)),
  };
}
