/**
 * What one agency hands another on the platform (Decree 935 §141): the sender's signed single file
 * with the requisites of the letter. It travels only between the system's own stream consumer and
 * the recipient's side; nothing in it is trusted for the verification (the CA and the signers'
 * records are read from the sender's own data by the system).
 */
export interface EnvelopeManifest {
  /** Format of the envelope. */
  format: 'karguzar-envelope/1';
  deliveryId: string;
  sender: { tenantId: string; documentId: string; organizationName: string; voen?: string };
  recipientTenantId: string;
  /** The sender's registration number and date (yyyy-MM-dd, Baku), and the summary. */
  requisites: { number?: string; date?: string; summary: string };
  file: { name: string; contentType: string; size: number; sha256: string };
  sentAt: string;
}

export interface Envelope {
  manifest: EnvelopeManifest;
  file: Uint8Array;
}
