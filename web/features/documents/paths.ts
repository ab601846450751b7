import type { DocumentKind } from './types';

/** The list page of each kind (where "cancel" goes back to). */
export const listPathOf: Record<DocumentKind, string> = {
  incoming: '/incoming/',
  outgoing: '/outgoing/',
  internal: '/internal/',
  order: '/orders/',
};

/** The card of a document. */
export const cardPath = (id: string) => `/documents/view/?id=${encodeURIComponent(id)}`;
