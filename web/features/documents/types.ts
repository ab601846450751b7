// Document shapes come from the API contract (generated from the OpenAPI document).
export {
  documentKinds,
  documentStatuses,
  executionCharacters,
  linkTypes,
  operations,
  orderCategories,
  type ContentItem,
  type DocumentKind,
  type DocumentRecord,
  type LinkedDocument,
  type Operation,
  type OperationEntry,
  type Sender,
} from '../../api/contract';
import type { DocumentKind, DocumentRecord, Operation } from '../../api/contract';
import { documentStatuses } from '../../api/contract';

export function statusesOf(kind: DocumentKind): readonly string[] {
  return documentStatuses[kind];
}

/** A document as the card shows it: with the operations its status allows. */
export type DocumentCard = DocumentRecord & { allowedOperations: Operation[] };
