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

/** The other side's name as lists, exports and reports show it: the sender, or the recipients. */
export function partyName(doc: DocumentData): string {
  if (doc.incoming) return doc.incoming.sender.name;
  if (doc.outgoing) return doc.outgoing.recipients.map((r) => r.name).join('; ');
  return '';
}

/**
 * A number as the filter row matches it: folded like the rest of the search (case, Azerbaijani
 * letters) and without the separators people type differently (`/`, `-`, `.`, spaces and any
 * other mark), so `nk-1234/05`, `NK 1234.05` and `NK-1234/05` are one key (`nk123405`) and a
 * prefix of it (`nk-12`) finds it. Stored on the document's row beside the number itself.
 */
export function numberKey(value: string): string {
  return foldText(value).replace(/ /g, '');
}

export function listingFields(doc: DocumentData & { createdAt: string }): ListingFields {
  return {
    listedAt: toBakuLocal(doc.registration?.at ?? doc.createdAt),
    summaryFold: foldText(doc.summary),
    partyFold: foldText(partyText(doc)),
  };
}

/** The filters that match one stored value exactly (an id or a code), named alike in the query and on the row. */
export const exactFilters = [
  'documentTypeId',
  'classificationId',
  'nomenclatureId',
  'addresseeId',
  'controllerId',
  'signatoryId',
  'authorId',
  'category',
] as const;

/** Every field the filter row filters on, as stored on the document's row and matched in personal lists. */
export function filterFields(doc: DocumentData & { createdAt: string }) {
  const optional = (value: string | undefined) => (value ? value : undefined);
  return {
    ...listingFields(doc),
    kind: doc.kind,
    status: doc.status,
    number: optional(doc.registration?.number),
    numberKey: optional(doc.registration ? numberKey(doc.registration.number) : undefined),
    documentNumber: optional(doc.documentNumber),
    documentNumberKey: optional(doc.documentNumber ? numberKey(doc.documentNumber) : undefined),
    documentDate: optional(doc.documentDate),
    documentTypeId: optional(doc.documentTypeId),
    classificationId: optional(doc.classificationId),
    nomenclatureId: optional(doc.nomenclatureId),
    addresseeId: optional(doc.addresseeId),
    controllerId: optional(doc.controllerId),
    signatoryId: optional(doc.outgoing?.signatoryId ?? doc.internal?.signatoryId ?? doc.order?.signatoryId),
    authorId: optional(doc.authorId),
    category: optional(doc.order?.category),
    controlled: doc.controlled,
  };
}

export type FilterFields = ReturnType<typeof filterFields>;

/** The filter row's conditions on a document's filter fields. */
export interface DocumentFilter {
  /** Baku local bounds on the registration (or creation) time: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  status?: string[];
  /** Prefixes of the registration number and the sender's number, as `numberKey` folds them. */
  numberPrefix?: string;
  documentNumberPrefix?: string;
  documentDateFrom?: string;
  documentDateTo?: string;
  /** Folded substrings. */
  summaryContains?: string;
  partyContains?: string;
  documentTypeId?: string;
  classificationId?: string;
  nomenclatureId?: string;
  addresseeId?: string;
  controllerId?: string;
  signatoryId?: string;
  authorId?: string;
  category?: string;
  controlled?: boolean;
}

/**
 * The conditions of `q` on a document already read: what the store's filter expression matches on
 * the row (personal lists filter their documents with it; the in-memory store of the tests too).
 */
export function matchesFilter(f: FilterFields, q: DocumentFilter & { kind?: FilterFields['kind'] }): boolean {
  if (q.kind && f.kind !== q.kind) return false;
  if (q.from && f.listedAt < q.from) return false;
  if (q.to && f.listedAt >= q.to) return false;
  if (q.status?.length && !q.status.includes(f.status)) return false;
  if (q.numberPrefix && !f.numberKey?.startsWith(q.numberPrefix)) return false;
  if (q.documentNumberPrefix && !f.documentNumberKey?.startsWith(q.documentNumberPrefix)) return false;
  if (q.documentDateFrom && !(f.documentDate && f.documentDate >= q.documentDateFrom)) return false;
  if (q.documentDateTo && !(f.documentDate && f.documentDate < q.documentDateTo)) return false;
  if (q.summaryContains && !f.summaryFold.includes(q.summaryContains)) return false;
  if (q.partyContains && !f.partyFold.includes(q.partyContains)) return false;
  for (const key of exactFilters) if (q[key] !== undefined && f[key] !== q[key]) return false;
  if (q.controlled !== undefined && f.controlled !== q.controlled) return false;
  return true;
}
