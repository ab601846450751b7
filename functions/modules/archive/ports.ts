/**
 * Tells the agency's archivists and admins about an archive integrity problem (an archived object
 * or a chain entry that no longer matches its hash). The notifications module implements it.
 */
export interface ArchiveAlerts {
  integrityProblem(input: {
    tenantId: string;
    /** What was found, e.g. "2 mismatches" or the document's number. */
    summary: string;
    /** The document concerned, when there is one. */
    documentId?: string;
    /** Identifies the logical alert: sent once per recipient and channel. */
    key: string;
  }): Promise<void>;
}
