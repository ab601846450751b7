/**
 * The unique claims of disposal acts: the agency's one open act, and each act's document (which
 * tells a signed internal document that is an act from any other).
 */
export const OPEN_ACT_CLAIM = { scope: 'disposal-open', value: 'open' } as const;
export const actDocumentClaim = (documentId: string) => ({
  scope: 'disposal-act-document',
  value: documentId,
});
