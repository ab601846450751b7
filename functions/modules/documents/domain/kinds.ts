/** The kinds of documents: incoming, outgoing, internal (daxili) and orders (əmr, sərəncam, qərar). */
export const documentKinds = ['incoming', 'outgoing', 'internal', 'order'] as const;
export type DocumentKind = (typeof documentKinds)[number];
