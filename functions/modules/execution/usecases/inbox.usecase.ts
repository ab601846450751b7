import { LIST_READ_BUDGET, type Actor } from '../../../platform/kernel/aggregate';
import {
  type DocumentRecord,
  filterFields,
  matchesFilter,
  type InboxBox,
  type InboxEntry,
  assertFilterReferences,
  dateRange,
  documentQueryOf,
  type DocumentListQuery,
} from '../../documents';
import { daysLeft } from '../domain/assignment';
import { today, type ExecutionDeps } from './common';

export type InboxListQuery = Omit<DocumentListQuery, 'kind'> & {
  kind?: DocumentListQuery['kind'];
  /** Etdiklərim: the period of arrival, in the filter-row date syntax (default: the last 6 months). */
  period?: string;
  /** Only open lines (pending tasks, unread notices, unexecuted controlled documents). */
  open?: 'true' | 'false';
};

/** What a list line shows: the stored entry without its keys (tenant, user, sort key). */
export type InboxLine = Pick<
  InboxEntry,
  | 'box'
  | 'documentId'
  | 'assignmentId'
  | 'open'
  | 'receivedAt'
  | 'dueDate'
  | 'read'
  | 'status'
  | 'onBehalfOf'
  | 'taskKind'
>;

function publicLine(entry: InboxEntry): InboxLine {
  return {
    box: entry.box,
    documentId: entry.documentId,
    assignmentId: entry.assignmentId,
    open: entry.open,
    receivedAt: entry.receivedAt,
    status: entry.status,
    ...(entry.dueDate !== undefined ? { dueDate: entry.dueDate } : {}),
    ...(entry.read !== undefined ? { read: entry.read } : {}),
    ...(entry.onBehalfOf !== undefined ? { onBehalfOf: entry.onBehalfOf } : {}),
    ...(entry.taskKind !== undefined ? { taskKind: entry.taskKind } : {}),
  };
}

export interface InboxRow {
  line: InboxLine;
  document: DocumentRecord;
  /** Control and execution lines: days to the due date (negative: overdue). */
  daysLeft?: number;
  overdue: boolean;
}

const SIX_MONTHS_MS = 183 * 24 * 3600 * 1000;

/** Lines per box: the sort order the list is read in. */
const orderOf: Record<InboxBox, 'asc' | 'desc'> = {
  execution: 'asc',
  control: 'asc',
  approval: 'asc',
  information: 'desc',
  mine: 'desc',
  // The longest-waiting document first: nothing sinks below newer mail.
  'awaiting-resolution': 'asc',
};

/**
 * One personal list with the filter row: a query on the user's own list key (sorted by due date or
 * arrival), each line joined with its document and matched against the filters. A page may read
 * several store pages when the filters drop lines.
 */
export async function listInbox(
  deps: ExecutionDeps,
  actor: Actor,
  box: InboxBox,
  q: InboxListQuery,
): Promise<{ items: InboxRow[]; nextCursor?: string }> {
  const filter = documentQueryOf(q);
  await assertFilterReferences(deps, actor.tenantId, q);
  let from: string | undefined;
  let to: string | undefined;
  if (box === 'mine') {
    if (q.period) {
      // Lines are ordered by the instant they arrived; the range's bounds are Baku local times.
      const range = dateRange(q.period, 'period')!;
      const instant = (local: string) => new Date(Date.parse(`${local}+04:00`)).toISOString();
      from = range.from ? instant(range.from) : undefined;
      to = range.to ? instant(range.to) : undefined;
    } else {
      from = new Date(deps.clock.now().getTime() - SIX_MONTHS_MS).toISOString();
    }
  } else if (q.open === 'true') {
    // Open lines sort first ('0#...' in due-date lists; arrival lists are filtered below).
    if (box === 'execution' || box === 'control') to = '1';
  }
  const date = today(deps);
  const items: InboxRow[] = [];
  let cursor = q.cursor;
  // At most LIST_READ_BUDGET lines evaluated (each with its document); a page the budget cuts
  // short still carries the cursor, so the next request goes on where this one stopped.
  for (let read = 0; read < LIST_READ_BUDGET && items.length < q.limit;) {
    // Never more lines than still fit: the cursor then never skips a line.
    const page = await deps.documents.inbox(actor.tenantId, actor.employeeId, box, {
      order: orderOf[box],
      limit: Math.min(q.limit - items.length, LIST_READ_BUDGET - read),
      ...(cursor ? { cursor } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    read += Math.max(1, page.items.length);
    const lines = page.items.filter((l) => q.open !== 'true' || l.open);
    const docs = new Map(
      (await deps.documents.getMany(actor.tenantId, [...new Set(lines.map((l) => l.documentId))])).map(
        (d) => [d.id, d],
      ),
    );
    for (const line of lines) {
      const document = docs.get(line.documentId);
      if (!document || !matchesFilter(filterFields(document), filter)) continue;
      const left = line.dueDate ? daysLeft(line.dueDate, date) : undefined;
      items.push({
        line: publicLine(line),
        document,
        ...(left !== undefined ? { daysLeft: left } : {}),
        overdue: line.open && left !== undefined && left < 0,
      });
    }
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items, ...(cursor ? { nextCursor: cursor } : {}) };
}
