// Document shapes come from the domain the API validates against: one definition for both.
export {
  documentKinds,
  executionCharacters,
  linkTypes,
  orderCategories,
  type ContentItem,
  type DocumentKind,
  type DocumentLink,
  type DocumentRecord,
  type OperationEntry,
  type Sender,
} from '../../../functions/modules/documents/domain/document';
export { operations, statusesOf, type Operation } from '../../../functions/modules/documents/domain/status';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import type { Operation } from '../../../functions/modules/documents/domain/status';

/** A document as the card shows it: with the operations its status allows. */
export type DocumentCard = DocumentRecord & { allowedOperations: Operation[] };

export interface LinkedDocument {
  type: string;
  direction: 'out' | 'in';
  createdAt: string;
  createdBy: string;
  document: {
    id: string;
    kind: string;
    status: string;
    number?: string;
    registeredAt?: string;
    summary: string;
  };
}
