/**
 * What the search index holds for one searchable item of a tenant (a document with its
 * resolutions and the text of its contents; later received items and applications). Built from
 * the table's rows by the indexer; both engines (OpenSearch on AWS, the embedded engine locally)
 * store exactly this shape.
 */
export type SearchSource = 'document' | 'received' | 'application';

export interface SearchDocument {
  tenantId: string;
  /** The item's id (a document id for `document`). Unique within the tenant. */
  id: string;
  source: SearchSource;
  /**
   * Increases with every write of the item (the row's `updatedAt` as ISO text, or its version):
   * an upsert older than what the index holds is ignored, so replays and out-of-order deliveries
   * from the stream never put an older state back.
   */
  version: string;
  kind: string;
  status: string;
  /** Registration number as shown (`D-1/26`); matched by prefix and without case or separators. */
  registrationNumber?: string;
  /** The sender's own number on an incoming document (`NK-1234/05`); matched like the above. */
  senderNumber?: string;
  /** ISO instant of registration (or of creation while a draft). */
  registeredAt: string;
  /** Year of `registeredAt` in Asia/Baku (facet). */
  year: number;
  /** Sender and recipients' names, as shown. */
  parties: string[];
  /** FİN and VÖEN numbers found on the item (exact match). */
  identifiers: string[];
  summary: string;
  note?: string;
  /** Resolution texts (dərkənar) and execution reports. */
  resolutions: string[];
  /** Text of the contents: PDF text layers, office files, OCR of scans. */
  contentText: string;
  departmentId?: string;
  classificationId?: string;
  nomenclatureId?: string;
  /** Need-to-know (documents/domain/visibility): who may see the item. */
  participants: string[];
  participantUnits: string[];
  confidential: boolean;
  accessList: string[];
}

/** Facets the search page shows, each a field of `SearchDocument`. */
export const searchFacets = [
  'kind',
  'status',
  'year',
  'departmentId',
  'classificationId',
  'nomenclatureId',
] as const;
export type SearchFacet = (typeof searchFacets)[number];
