/** One entry of a registration journal as the register for a period shows it (Decree 935 §152). */
export interface JournalRow {
  documentId: string;
  kind: string;
  journalId: string;
  seq: number;
  number: string;
  /** The registration instant (UTC). */
  registeredAt: string;
  documentNumber: string;
  documentDate?: string;
  party: string;
  summary: string;
  classification: string;
  deliveryForm: string;
  addressee: string;
  status: string;
}
