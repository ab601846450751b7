import type { Actor, Page } from '../../platform/kernel/aggregate';
import type {
  DocumentKind,
  DocumentLink,
  DocumentRecord,
  DocumentSignature,
  LinkType,
  OperationEntry,
  SigningRight,
} from './domain/document';
import type { AssignmentRecord, InboxBox, InboxEntry } from './domain/tasks';
import type { DocumentFilter } from './domain/indexing';
import type { Viewer } from './domain/visibility';
import type { SignatureEvidence } from './domain/presend';
import type { JournalLink, OperationLink } from './domain/chain';

/** The two hash-chained logs: documents' operations logs and the registration journals. */
export type ChainLog = 'operations' | 'journals';

/** A stored entry of a chained log as stored (entries from before the chain carry no link). */
export interface ChainEntry<L> {
  /** False on entries written before the chain (they carry no link; `link.seq` is 0). */
  chained: boolean;
  key: string;
  link: L;
  hash?: string;
}

/** A look-up key of a document for repeat detection, e.g. `fin:5ZK7QH2` or `sender:<counterpart id>`. */
export interface LookupEntry {
  key: string;
  documentId: string;
  /** Baku local registration time (sort key). */
  localAt: string;
  summary: string;
  number?: string;
}

export interface NumberRequest {
  journalId: string;
  year: number;
  /** Builds the document with its number once the adapter knows the sequence value. */
  apply(seq: number): DocumentRecord;
}

/** Operations that go into the same transaction for another document (the other end of a link). */
export interface LinkWrite {
  from: string;
  to: string;
  type: LinkType;
}

export interface DocumentWrite {
  /** The new state; with `numbering` the adapter builds it through `apply`. */
  document: DocumentRecord;
  /** Absent on create; on update the version the caller read (stale → 409). */
  expectedVersion?: number;
  numbering?: NumberRequest;
  operation: Omit<OperationEntry, 'documentId' | 'at' | 'id'>;
  idempotency?: { key: string; requestHash: string };
  lookups?: Array<Pick<LookupEntry, 'key'>>;
  /** Links written both ways, each end also logged on the other document's operations. */
  links?: LinkWrite[];
  /** Resolutions and assignments of this document; with `expectedVersion` an update (stale → 409). */
  assignments?: Array<{ record: AssignmentRecord; expectedVersion?: number }>;
  /** Lines of personal lists, written whole (a line that moves is simply written again). */
  inbox?: InboxEntry[];
  /** Lines that leave a list (a task moved to another holder). */
  removeInbox?: Array<Pick<InboxEntry, 'userId' | 'box' | 'documentId' | 'assignmentId'>>;
}

export interface InboxQuery {
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  /** Bounds on the line's sort key: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

/** One page of a document list: the filter row's conditions, the kind, the order and the page. */
export interface DocumentQuery extends DocumentFilter {
  kind: DocumentKind;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  /** Only the documents this viewer may see (the need-to-know rule, domain/visibility). */
  viewer: Viewer;
}

export interface DocumentStore {
  get(tenantId: string, id: string): Promise<DocumentRecord | undefined>;
  getMany(tenantId: string, ids: string[]): Promise<DocumentRecord[]>;
  list(tenantId: string, query: DocumentQuery): Promise<Page<DocumentRecord>>;
  /**
   * Every document of a kind, whoever may see it, page by page (one query on the kind's index, no
   * filter): for the search index's rebuild only, never for a caller's list.
   */
  everyOfKind(
    tenantId: string,
    kind: DocumentKind,
    page: { limit: number; cursor?: string },
  ): Promise<Page<DocumentRecord>>;
  /**
   * Writes a document with its operations-log entry, look-up keys, links, idempotency record and
   * (with `numbering`) the next number of its journal, all in ONE transaction. A number is never
   * skipped or given twice. Fails with ConflictError('stale_version') on a stale update.
   */
  commit(write: DocumentWrite): Promise<{ document: DocumentRecord; replayed: boolean }>;
  /**
   * The document a committed write with this idempotency key wrote (as it is now), or undefined
   * when no write used the key; ConflictError('idempotency_key_reused') when the key came with
   * another request.
   */
  replay(
    tenantId: string,
    idempotency: { key: string; requestHash: string },
  ): Promise<DocumentRecord | undefined>;
  operations(
    tenantId: string,
    documentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<OperationEntry>>;
  /** A document's operations log with its chain links, in order of time. */
  operationChain(
    tenantId: string,
    documentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChainEntry<OperationLink>>>;
  /** A registration journal's entries of one year, by number (from `fromSeq` on). */
  journalChain(
    tenantId: string,
    journalId: string,
    year: number,
    options: { limit: number; cursor?: string; fromSeq?: number },
  ): Promise<Page<ChainEntry<JournalLink>>>;
  /** The entries of one log written on a Baku day (its Merkle tree's leaves, in a stable order). */
  dayEntries(
    tenantId: string,
    day: string,
    log: ChainLog,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChainEntry<OperationLink | JournalLink>>>;
  links(tenantId: string, documentId: string): Promise<DocumentLink[]>;
  lookup(tenantId: string, key: string, sinceLocal: string, limit: number): Promise<LookupEntry[]>;
  /** The last number given by a journal in a year (0 before the first). */
  lastNumber(tenantId: string, journalId: string, year: number): Promise<number>;
  /** Appends an operations-log entry that changes no field (e.g. a download, a printed card). */
  log(tenantId: string, entry: Omit<OperationEntry, 'id'>): Promise<void>;
  /** Every resolution and assignment of a document. */
  assignments(tenantId: string, documentId: string): Promise<AssignmentRecord[]>;
  /** One personal list, in its order. */
  inbox(tenantId: string, userId: string, box: InboxBox, query: InboxQuery): Promise<Page<InboxEntry>>;
  /** The lines of one user's list that point at a document. */
  inboxLines(tenantId: string, userId: string, box: InboxBox, documentId: string): Promise<InboxEntry[]>;
  /** Whether a logical notification (`key`) was already sent: a retried sender skips it. */
  notificationSent(tenantId: string, key: string): Promise<boolean>;
  recordNotification(tenantId: string, key: string, at: string): Promise<void>;
  /**
   * Stores the folded number keys (`numberKey`) on documents written before lists matched numbers
   * by prefix; run once at start (idempotent, cheap after the first run).
   */
  backfillNumberKeys(): Promise<{ updated: number }>;
  /**
   * Gives documents stored before lists of one status read their own index its keys; run once at
   * start (idempotent, a marker records that it ran).
   */
  backfillStatusKeys(): Promise<{ updated: number }>;
  /**
   * Gives documents written before need-to-know their `participantUnits` (as `unitsOf` computes
   * them from the org tree); run once at start (idempotent, a marker records that it ran).
   */
  backfillParticipantUnits(unitsOf: (doc: DocumentRecord) => Promise<string[]>): Promise<{ updated: number }>;
}

/**
 * Tells the agency's admins about a problem they must act on (a stored file found missing or
 * altered). The notifications module implements it; the wiring passes it in.
 */
export interface AdminAlerts {
  contentProblem(input: {
    document: DocumentRecord;
    fileName: string;
    problem: 'missing' | 'damaged';
    /** Identifies the logical alert: sent once per admin and channel. */
    key: string;
  }): Promise<void>;
}

/**
 * Where the pre-send check (§147) gets a document's signatures: the signatures module verifies the
 * PAdES signatures of the single file (wired in the API). Unset (unit tests of the rule), the
 * recorded signing decisions stand in (`recordedSignatures`).
 */
export interface SignatureSource {
  signaturesOf(actor: Actor, doc: DocumentRecord): Promise<SignatureEvidence[]>;
}

/**
 * Electronic signatures on the single file (the signatures module provides them): the signature
 * `actor` makes with `right` on the document as it is (`doc`, the version read), returned to be
 * written in the same transaction as the decision. Refuses (422 no_signing_right /
 * no_endorsing_right) someone without the right at that moment; writes nothing but the new file
 * revision, a content-addressed object that only the committed document refers to.
 */
export interface ElectronicSignatures {
  sign(
    actor: Actor,
    doc: DocumentRecord,
    request: { right: SigningRight; at: string; onBehalfOf?: string },
  ): Promise<DocumentSignature>;
}
