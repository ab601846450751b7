import { createHash } from 'node:crypto';
import type { ContentItem, DocumentRecord } from '../../../functions/modules/documents';
import { actor, documentRecord, referenceItem, tenant } from '../../support/builders';
import { documentsWorld } from '../documents/world';

export const archivist = actor('archivist', ['archivist']);
export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const scan = new TextEncoder().encode('%PDF-1.4\n% skan\ntrailer << >>\n%%EOF\n');

/** An archived incoming letter `letter` of tenant t1, filed into case file `case5` (5 years), with one scan. */
export function archiveWorld(doc: Partial<DocumentRecord> = {}) {
  const deps = documentsWorld();
  deps.store.seed('tenant', tenant({ id: 't1', name: { az: 'Sınaq Agentliyi' } }));
  deps.store.seed(
    'ref:nomenclature',
    referenceItem('case5', {
      list: 'nomenclature',
      name: { az: 'Vətəndaş müraciətləri' },
      active: true,
      index: '02-01',
      retentionYears: 5,
    }),
  );
  deps.objects.upload('attachments', 't1/documents/letter/c1', scan, 'application/pdf');
  const content: ContentItem = {
    id: 'c1',
    fileName: 'skan.pdf',
    contentType: 'application/pdf',
    size: scan.length,
    sha256: sha256(scan),
    state: 'stored',
    addedAt: '2026-03-02T06:00:00.000Z',
    addedBy: 'clerk',
  };
  deps.documents.seed({
    documents: [
      documentRecord('letter', {
        kind: 'incoming',
        status: 'archived',
        nomenclatureId: 'case5',
        participants: ['clerk'],
        incoming: { sender: { kind: 'citizen', name: 'Aysel Məmmədova' }, distribution: [] },
        registration: {
          journalId: 'j',
          year: 2026,
          seq: 7,
          number: 'Ə-7/26',
          at: '2026-03-02T06:00:00.000Z',
        },
        contents: [content],
        ...doc,
      }),
    ],
  });
  return deps;
}
