import type { DocumentKind } from '../domain/document';
import type { Operation } from '../domain/status';
import { BusinessRuleError } from '../../../platform/kernel/errors';

const DOCS = '/api/v1/documents';

/**
 * The route of each operation that `operations/{op}` refuses, as a client calls it for one
 * document (`{assignmentId}` stays a placeholder: the caller picks the assignment). Checked
 * against the route table by test/unit/documents/own-routes.test.ts.
 */
export function ownRouteOf(op: Operation, doc: { id: string; kind: DocumentKind }): string | undefined {
  switch (op) {
    case 'update':
      return `PUT ${DOCS}/${doc.kind}/${doc.id}`;
    case 'attach':
      return `POST ${DOCS}/${doc.id}/contents`;
    case 'link':
      return `POST ${DOCS}/${doc.id}/links`;
    case 'group-update':
      return `POST ${DOCS}/group-update`;
    case 'send':
      return `POST ${DOCS}/${doc.id}/send`;
    case 'resolve':
      return `POST ${DOCS}/${doc.id}/resolutions`;
    case 'execute':
      // A document is executed by the controller's acceptance of its last resolution.
      return `POST ${DOCS}/${doc.id}/assignments/{assignmentId}/accept`;
    default:
      return undefined;
  }
}

/** The use case's refusal of an operation with a route of its own, naming that route. */
export function withOwnRoute(error: unknown): unknown {
  if (!(error instanceof BusinessRuleError) || error.code !== 'operation_has_own_route') return error;
  const { operation, documentId, kind } = error.params;
  const route = ownRouteOf(operation as Operation, { id: String(documentId), kind: kind as DocumentKind });
  return route ? new BusinessRuleError(error.code, error.message, { ...error.params, route }) : error;
}
