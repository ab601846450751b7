import type { DocumentRecord } from '../../documents';

/** One requisite of a document (Decree 935 §145.2) and whether it is present. */
export interface RequisiteCheck {
  requisite:
    | 'organization'
    | 'documentKind'
    | 'summary'
    | 'registrationNumber'
    | 'registrationDate'
    | 'signatory'
    | 'addressee';
  present: boolean;
}

/**
 * The requisites an electronic document is checked for on verification (§145.2): the agency, the
 * kind, the summary (title), the registration number and date, who signs it (incoming: who sent
 * it) and whom it is addressed to (outgoing: the recipients; incoming: the addressee; internal
 * documents and orders name no addressee of their own).
 */
export function requisitesOf(doc: DocumentRecord, organization: string | undefined): RequisiteCheck[] {
  const signatory =
    doc.kind === 'incoming'
      ? !!doc.incoming?.sender.name
      : !!(doc.outgoing?.signatoryId ?? doc.internal?.signatoryId ?? doc.order?.signatoryId) ||
        (doc.signatures ?? []).some((s) => s.right === 'sign');
  const addressee =
    doc.kind === 'outgoing'
      ? (doc.outgoing?.recipients.length ?? 0) > 0
      : doc.kind === 'incoming'
        ? !!doc.addresseeId
        : true;
  return [
    { requisite: 'organization', present: !!organization },
    { requisite: 'documentKind', present: !!doc.kind },
    { requisite: 'summary', present: doc.summary.trim().length > 0 },
    { requisite: 'registrationNumber', present: !!doc.registration?.number },
    { requisite: 'registrationDate', present: !!doc.registration?.at },
    { requisite: 'signatory', present: signatory },
    { requisite: 'addressee', present: addressee },
  ];
}
