import type { Delivery } from './delivery';
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { DocumentKind } from './kinds';
import type { ApprovalRoute } from './route-copy';

/** The kinds of registered documents (glossary: daxil olan, xaric olan, daxili, əmr/sərəncam/qərar). */
export { documentKinds, type DocumentKind } from './kinds';

/** Order categories of the brochure: SÜY, MŞ, İH and APİK decisions, orders, directives, normative acts. */
export const orderCategories = [
  'shareholders-meeting',
  'supervisory-board',
  'management-board',
  'alco',
  'order',
  'directive',
  'normative',
] as const;
export type OrderCategory = (typeof orderCategories)[number];

/** İcra xarakteri of an internal document. */
export const executionCharacters = ['execution', 'information', 'approval', 'signature'] as const;
export type ExecutionCharacter = (typeof executionCharacters)[number];

export const linkTypes = ['reply', 'repeat', 'related', 'supersedes', 'attachment-of'] as const;
export type LinkType = (typeof linkTypes)[number];

export type Sender =
  | { kind: 'organization'; counterpartId: string; name: string; voen?: string; contactPerson?: string }
  | {
      kind: 'citizen';
      fin?: string;
      name: string;
      address?: string;
      phone?: string;
      email?: string;
    };

export interface Recipient {
  counterpartId?: string;
  name: string;
  email?: string;
  contactPerson?: string;
}

export interface Registration {
  journalId: string;
  year: number;
  seq: number;
  number: string;
  /** UTC instant */
  at: string;
}

export interface ContentItem {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** 'pending' until the upload is verified against the declared size and SHA-256. */
  state: 'pending' | 'stored';
  /** The object version verified at completion: reads are pinned to it (absent before versioning). */
  versionId?: string;
  /** Set when a read found the stored object missing or not matching its SHA-256. */
  integrity?: { problem: 'missing' | 'damaged'; detectedAt: string };
  addedAt: string;
  addedBy: string;
}

export interface Dispatch {
  id: string;
  at: string;
  by: string;
  deliveryFormId?: string;
  /** `edms`: delivered to agencies on the platform (`outgoing.deliveries`). */
  channel: 'email' | 'register' | 'edms';
  recipients: string[];
  messageId?: string;
  note?: string;
}

/** Fields shared by every kind; the kind-specific ones live in `fields`. */
export interface DocumentData {
  kind: DocumentKind;
  status: string;
  summary: string;
  note?: string;
  documentTypeId?: string;
  classificationId?: string;
  nomenclatureId?: string;
  deliveryFormId?: string;
  addresseeId?: string;
  controllerId?: string;
  controlled: boolean;
  dueDate?: string;
  /** yyyy-MM-dd; for incoming documents the sender's date, otherwise the document's own date. */
  documentDate?: string;
  /** The sender's number of an incoming document. */
  documentNumber?: string;
  authorId: string;
  departmentId?: string;
  registration?: Registration;
  /** Employees taking part (author, addressee, signatory, controller, distribution...): they may see it. */
  participants: string[];
  /**
   * The departments of the participants' positions and every department above them, kept with the
   * participants on every write: a department head sees the documents of the units under them.
   */
  participantUnits?: string[];
  /** A confidential document (Decree 179): only participants and `accessList` see it. */
  confidential?: boolean;
  /** Employees named to see a confidential document. */
  accessList?: string[];
  contents: ContentItem[];
  incoming?: {
    sender: Sender;
    routeTemplateId?: string;
    physicalFormId?: string;
    pageCount?: number;
    distribution: string[];
    repeatOf?: string;
  };
  outgoing?: {
    signatoryId: string;
    content?: string;
    recipients: Recipient[];
    inReplyTo?: string;
    dispatches: Dispatch[];
    /** Deliveries to agencies on the platform, one per recipient and dispatch (exchange module). */
    deliveries?: Delivery[];
    /** Working days the recipients have for the receipt notice (§150); absent: the agency's default. */
    receiptDays?: number;
  };
  internal?: {
    signatoryId?: string;
    executionCharacter?: ExecutionCharacter;
    answersId?: string;
    extraInfo?: string;
    signedAt?: string;
    signedBy?: string;
  };
  /** The document's route (Viza tab): a copy of the template, its steps and their outcomes. */
  route?: ApprovalRoute;
  /** Set once the document's copy is in the archive bucket (after the archive operation). */
  archive?: ArchiveState;
  order?: {
    category: OrderCategory;
    signatoryId?: string;
    effectiveDate?: string;
    signedAt?: string;
    signedBy?: string;
    cancelledAt?: string;
    cancelReason?: string;
  };
  /**
   * The electronic signatures on the document's single file (Decree 935 §144, §145), in the order
   * applied: each an incremental PAdES update, written in the same transaction as the decision
   * (endorsement, signature) it belongs to. The last one's revision is the single file.
   */
  signatures?: DocumentSignature[];
}

/** The rights a signature exercises: an endorsement (viza) or the signature. */
export type SigningRight = 'endorse' | 'sign';

/** One electronic signature on the single file and the revision of the file it produced. */
export interface DocumentSignature {
  right: SigningRight;
  /** Who signed (their key and certificate). */
  signerId: string;
  /** The official whose right a substitute exercised ("on behalf of"). */
  onBehalfOf?: string;
  /** The position whose right was exercised (the official's, when a substitute signs). */
  positionId: string;
  positionTitle: string;
  at: string;
  /** The document version the signature was made on. */
  onVersion: number;
  /** The signature field's name in the PDF. */
  fieldName: string;
  /** The signer certificate's serial number (hex) and SHA-256 fingerprint. */
  certificateSerial: string;
  certificateSha256: string;
  /** The file revision this signature produced: SHA-256, size, object key and version. */
  sha256: string;
  size: number;
  key: string;
  versionId?: string;
  byteRange: number[];
}

/** One object of a document's copy in the archive bucket (Object Lock COMPLIANCE). */
export interface ArchivedObject {
  /** What it is: the single file, an original content file, the operations log, the manifest. */
  role: 'single-file' | 'content' | 'operations' | 'manifest';
  key: string;
  versionId?: string;
  /** SHA-256 (hex) of the bytes written. */
  sha256: string;
  size: number;
  contentType: string;
  contentId?: string;
  fileName?: string;
}

/** The document's copy in the immutable archive (Decree 935 §153), recorded once written. */
export interface ArchiveState {
  archivedAt: string;
  nomenclatureId?: string;
  retentionYears: number | null;
  /** Object Lock's retain-until instant, and the last day of the retention period (Baku). */
  retainUntil: string;
  retainedThrough: string;
  /** A "daimi" item: kept permanently. */
  permanent: boolean;
  legalHold: boolean;
  objects: ArchivedObject[];
  /**
   * Set when the retention period ended and a disposal act approved through its route destroyed
   * the archive copy (Decree 935 §153.2): the requisites and the logs stay, the files are gone.
   */
  disposal?: ArchiveDisposal;
}

/** The disposal of a document's archive copy: by which act (its document, number) and when. */
export interface ArchiveDisposal {
  actId: string;
  actDocumentId: string;
  actNumber?: string;
  at: string;
}

export type DocumentRecord = AggregateMeta & DocumentData;

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** One entry of the operations log (Əməliyyatlar): append-only. */
export interface OperationEntry {
  id: string;
  documentId: string;
  at: string;
  actorId: string;
  /** When a substitute acts, the official on whose behalf. */
  onBehalfOf?: string;
  action: string;
  changes: FieldChange[];
  comment?: string;
}

export interface DocumentLink {
  documentId: string;
  otherId: string;
  type: LinkType;
  /** 'out': this document points at the other (a reply to it); 'in': the other points here. */
  direction: 'out' | 'in';
  createdAt: string;
  createdBy: string;
}

/** The optional registration fields an edit replaces: one left out of an update is cleared. */
export const optionalEditableFields = [
  'note',
  'documentTypeId',
  'classificationId',
  'nomenclatureId',
  'deliveryFormId',
  'addresseeId',
  'controllerId',
  'dueDate',
  'documentDate',
  'documentNumber',
] as const satisfies ReadonlyArray<keyof DocumentData>;

const tracked: ReadonlyArray<keyof DocumentData> = [
  'status',
  'summary',
  ...optionalEditableFields,
  'controlled',
  'confidential',
  'accessList',
  'registration',
  'incoming',
  'outgoing',
  'internal',
  'order',
];

/** The changed values between two states, field by field (kind sections compared key by key). */
export function diffDocuments(before: Partial<DocumentData> | undefined, after: DocumentData): FieldChange[] {
  const changes: FieldChange[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const field of tracked) {
    const a = before?.[field];
    const b = after[field];
    if (same(a, b)) continue;
    if (field === 'incoming' || field === 'outgoing' || field === 'internal' || field === 'order') {
      const left = (a ?? {}) as Record<string, unknown>;
      const right = (b ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
        if (!same(left[key], right[key])) {
          changes.push({ field: `${field}.${key}`, before: left[key], after: right[key] });
        }
      }
    } else {
      changes.push({ field, before: a, after: b });
    }
  }
  return changes;
}
