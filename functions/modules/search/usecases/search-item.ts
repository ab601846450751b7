import { bakuLocalDate, type AssignmentRecord, type DocumentRecord } from '../../documents';
import type { SearchDocument } from '../domain/search-document';

/** The text of one content file as the indexer stored it (see content-text.ts). */
export interface ContentText {
  contentId: string;
  text: string;
  /** When it was extracted: a later extraction makes the item newer. */
  extractedAt: string;
}

/** Bounds what one item carries into the index (an OpenSearch document stays well below its limits). */
export const MAX_CONTENT_TEXT = 1_000_000;

const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * The indexed item of a document: its requisites, the texts of its resolutions and execution
 * reports, and the text of its contents. Its version is the latest write among the document's row,
 * its assignments and its contents' texts (ISO instants compare as text), so a resolution written
 * after the document, or a text extracted later, makes a newer item.
 */
export function searchDocumentOf(
  doc: DocumentRecord,
  assignments: readonly AssignmentRecord[],
  texts: readonly ContentText[],
): SearchDocument {
  const registeredAt = doc.registration?.at ?? doc.createdAt;
  const sender = doc.incoming?.sender;
  const parties = [
    ...(sender ? [sender.name] : []),
    ...(sender?.kind === 'organization' && sender.contactPerson ? [sender.contactPerson] : []),
    ...(doc.outgoing?.recipients ?? []).flatMap((r) => [
      r.name,
      ...(r.contactPerson ? [r.contactPerson] : []),
    ]),
  ].filter((p) => p.trim() !== '');
  const identifiers = [
    ...(sender?.kind === 'citizen' && sender.fin ? [sender.fin] : []),
    ...(sender?.kind === 'organization' && sender.voen ? [sender.voen] : []),
  ];
  const resolutions = assignments.flatMap((a) => [
    ...(a.kind === 'resolution' && a.text ? [a.text] : []),
    ...a.reports.map((r) => r.text).filter((t) => t.trim() !== ''),
  ]);
  let version = doc.updatedAt;
  for (const a of assignments) version = later(version, a.updatedAt);
  for (const t of texts) version = later(version, t.extractedAt);
  const contentText = texts
    .map((t) => t.text.trim())
    .filter((t) => t !== '')
    .join('\n\n')
    .slice(0, MAX_CONTENT_TEXT);
  return {
    tenantId: doc.tenantId,
    id: doc.id,
    source: 'document',
    version,
    kind: doc.kind,
    status: doc.status,
    ...(doc.registration?.number ? { registrationNumber: doc.registration.number } : {}),
    ...(doc.kind === 'incoming' && doc.documentNumber ? { senderNumber: doc.documentNumber } : {}),
    registeredAt,
    year: Number(bakuLocalDate(registeredAt).slice(0, 4)),
    parties,
    identifiers,
    summary: doc.summary,
    ...(doc.note ? { note: doc.note } : {}),
    resolutions,
    contentText,
    ...(doc.departmentId ? { departmentId: doc.departmentId } : {}),
    ...(doc.classificationId ? { classificationId: doc.classificationId } : {}),
    ...(doc.nomenclatureId ? { nomenclatureId: doc.nomenclatureId } : {}),
    participants: [...doc.participants],
    participantUnits: [...(doc.participantUnits ?? [])],
    confidential: doc.confidential === true,
    accessList: [...(doc.accessList ?? [])],
  };
}
