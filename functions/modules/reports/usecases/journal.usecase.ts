import { LIST_READ_BUDGET, type Page } from '../../../platform/kernel/aggregate';
import { dateRange, unknownReference, type DocumentKind, partyName } from '../../documents';
import { decodeCursor, encodeCursor, pageByPage, type MultiCursor } from '../domain/cursor';
import type { JournalRow } from '../domain/journal';
import type { ReportDeps } from '../ports';
import type { ReportScope } from './control.usecase';
import { Names } from './names';

export interface JournalQuery {
  kind: DocumentKind;
  /** The registration period in the filter row's date syntax. */
  registered?: string;
  journalId?: string;
  limit: number;
  cursor?: string;
}

/** Checks the period and the journal (422 on an unknown one). */
export async function checkJournalQuery(
  deps: ReportDeps,
  tenantId: string,
  q: Pick<JournalQuery, 'registered' | 'journalId'>,
) {
  dateRange(q.registered, 'registered');
  if (q.journalId && !(await deps.store.get('ref:journals', tenantId, q.journalId)))
    throw unknownReference('journalId');
}

/**
 * The registration journal of a kind as a register for a period (Decree 935 §152): the kind's list
 * in registration order (its index, oldest first), registered documents only, with the viewer's
 * need-to-know — the same reading as the registration list, never a scan; bounded per call.
 */
export async function journalPage(
  deps: ReportDeps,
  scope: ReportScope,
  q: JournalQuery,
  budget = LIST_READ_BUDGET,
  names = new Names(deps, scope.tenantId, scope.lang),
): Promise<Page<JournalRow>> {
  const period = dateRange(q.registered, 'registered');
  let at: MultiCursor | undefined = decodeCursor(q.cursor, 1);
  const items: JournalRow[] = [];
  for (let read = 0; at && read < budget && items.length < q.limit;) {
    const page = await deps.documents.list(scope.tenantId, {
      kind: q.kind,
      order: 'asc',
      limit: Math.min(q.limit - items.length, budget - read, 100),
      ...(at.cursor ? { cursor: at.cursor } : {}),
      ...(period?.from ? { from: period.from } : {}),
      ...(period?.to ? { to: period.to } : {}),
      viewer: scope.viewer,
    });
    read += Math.max(1, page.items.length);
    const docs = page.items.filter(
      (d) => d.registration && (!q.journalId || d.registration.journalId === q.journalId),
    );
    await names.load(
      docs.map((d) => d.addresseeId),
      docs.map((d) => d.classificationId),
      docs.map((d) => d.deliveryFormId),
    );
    for (const d of docs) {
      const reg = d.registration!;
      items.push({
        documentId: d.id,
        kind: d.kind,
        journalId: reg.journalId,
        seq: reg.seq,
        number: reg.number,
        registeredAt: reg.at,
        documentNumber: d.documentNumber ?? '',
        ...(d.documentDate ? { documentDate: d.documentDate } : {}),
        party: partyName(d),
        summary: d.summary,
        classification: names.classification(d.classificationId),
        deliveryForm: names.deliveryForm(d.deliveryFormId),
        addressee: names.employee(d.addresseeId),
        status: d.status,
      });
    }
    at = page.nextCursor ? { part: 0, cursor: page.nextCursor } : undefined;
  }
  return { items, ...(at ? { nextCursor: encodeCursor(at) } : {}) };
}

export async function* journalRows(
  deps: ReportDeps,
  scope: ReportScope,
  q: Omit<JournalQuery, 'limit' | 'cursor'>,
): AsyncGenerator<JournalRow> {
  const names = new Names(deps, scope.tenantId, scope.lang);
  yield* pageByPage((cursor) =>
    journalPage(deps, scope, { ...q, limit: 100, ...(cursor ? { cursor } : {}) }, 100, names),
  );
}
