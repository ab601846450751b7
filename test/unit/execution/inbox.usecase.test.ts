import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../../functions/modules/documents/domain/tasks';
import { listInbox, type InboxListQuery } from '../../../functions/modules/execution/usecases/inbox.usecase';
import { actor, documentRecord, T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const me = actor('e1');
const q = (overrides: Partial<InboxListQuery> = {}): InboxListQuery => ({
  order: 'desc',
  limit: 50,
  ...overrides,
});
const line = (documentId: string, overrides: Partial<InboxEntry> = {}): InboxEntry => ({
  tenantId: 't1',
  userId: 'e1',
  box: 'execution',
  documentId,
  assignmentId: `a-${documentId}`,
  sortKey: `0#${overrides.dueDate ?? '9999-12-31'}#${documentId}`,
  open: true,
  receivedAt: T0,
  status: 'pending',
  ...overrides,
});

function world() {
  const deps = memoryDeps();
  deps.documents.seed({
    documents: [
      documentRecord('late', { kind: 'incoming', summary: 'Bina təmiri', participants: ['e1'] }),
      documentRecord('soon', { kind: 'incoming', summary: 'Yol təmiri', participants: ['e1'] }),
      documentRecord('memo', { kind: 'internal', summary: 'Xidməti qeyd', participants: ['e1'] }),
      documentRecord('closed', { kind: 'incoming', summary: 'Köhnə iş', participants: ['e1'] }),
    ],
    inbox: [
      line('late', { dueDate: '2026-02-27' }),
      line('soon', { dueDate: '2026-03-05' }),
      line('memo', { dueDate: '2026-03-10' }),
      line('closed', { open: false, status: 'done', sortKey: '1#2026-02-01#closed' }),
      line('late', { userId: 'someone-else' }),
    ],
  });
  return deps;
}

describe('listInbox', () => {
  it('joins the caller’s own lines with their documents, with days left and overdue', async () => {
    // Arrange
    const deps = world();

    // Act
    const out = await listInbox(deps, me, 'execution', q());

    // Assert
    expect(out.items.map((r) => [r.document.id, r.daysLeft, r.overdue])).toEqual([
      ['late', -3, true],
      ['soon', 3, false],
      ['memo', 8, false],
      ['closed', undefined, false],
    ]);
    expect(out.items[0]!.line).toEqual({
      box: 'execution',
      documentId: 'late',
      assignmentId: 'a-late',
      open: true,
      receivedAt: T0,
      status: 'pending',
      dueDate: '2026-02-27',
    });
    expect(out.nextCursor).toBeUndefined();
  });

  it('matches the filter row on the documents and keeps only open lines when asked', async () => {
    // Arrange
    const deps = world();

    // Act
    const incomingRepairs = await listInbox(deps, me, 'execution', q({ kind: 'incoming', summary: 'TƏMİR' }));
    const open = await listInbox(deps, me, 'execution', q({ open: 'true' }));

    // Assert
    expect(incomingRepairs.items.map((r) => r.document.id)).toEqual(['late', 'soon']);
    expect(open.items.map((r) => r.document.id)).toEqual(['late', 'soon', 'memo']);
  });

  it('reads on when filters drop lines, and gives a cursor while lines remain', async () => {
    // Arrange
    const deps = world();

    // Act
    const first = await listInbox(deps, me, 'execution', q({ kind: 'incoming', limit: 2 }));
    const rest = await listInbox(
      deps,
      me,
      'execution',
      q({ kind: 'incoming', limit: 2, cursor: first.nextCursor! }),
    );

    // Assert
    expect(first.items.map((r) => r.document.id)).toEqual(['late', 'soon']);
    expect(first.nextCursor).toBeDefined();
    expect(rest.items.map((r) => r.document.id)).toEqual(['closed']);
    expect(rest.nextCursor).toBeUndefined();
  });

  it('reads at most the budget of lines per page: a partial page with a cursor, then the match, once', async () => {
    // Arrange: 1,500 lines of the caller's list; only the 1,301st line's document matches.
    const deps = memoryDeps();
    const id = (i: number) => `d${String(i).padStart(4, '0')}`;
    deps.documents.seed({
      documents: Array.from({ length: 1500 }, (_, i) =>
        documentRecord(id(i), {
          kind: 'incoming',
          summary: i === 1300 ? 'Nadir müraciət' : 'Adi məktub',
          participants: ['e1'],
        }),
      ),
      inbox: Array.from({ length: 1500 }, (_, i) => line(id(i), { dueDate: '2026-03-10' })),
    });

    // Act
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await listInbox(
        deps,
        me,
        'execution',
        q({ summary: 'nadir', ...(cursor ? { cursor } : {}) }),
      );
      pages.push({ ids: page.items.map((r) => r.document.id), more: page.nextCursor !== undefined });
      cursor = page.nextCursor;
    } while (cursor);

    // Assert
    expect(pages).toEqual([
      { ids: [], more: true },
      { ids: ['d1300'], more: false },
    ]);
  });

  it('shows Etdiklərim for the last six months by default, or the period asked for', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.documents.seed({
      documents: [
        documentRecord('old', { participants: ['e1'] }),
        documentRecord('new', { participants: ['e1'] }),
      ],
      inbox: [
        line('old', { box: 'mine', assignmentId: '', sortKey: '2025-08-01T06:00:00.000Z#old' }),
        line('new', { box: 'mine', assignmentId: '', sortKey: '2026-02-01T06:00:00.000Z#new' }),
      ],
    });

    // Act
    const recent = await listInbox(deps, me, 'mine', q());
    const august = await listInbox(deps, me, 'mine', q({ period: '08.2025' }));
    const bad = listInbox(deps, me, 'mine', q({ period: '2025-08' }));

    // Assert
    expect(recent.items.map((r) => r.document.id)).toEqual(['new']);
    expect(august.items.map((r) => r.document.id)).toEqual(['old']);
    await expect(bad).rejects.toMatchObject({ issues: [{ path: 'period', code: 'invalid_date_filter' }] });
  });

  it('lists Dərkənar gözləyənlər the longest-waiting first, with the filter row, and on whose behalf', async () => {
    // Arrange
    const deps = memoryDeps();
    const waiting = (id: string, at: string, onBehalfOf?: string) =>
      line(id, {
        box: 'awaiting-resolution',
        assignmentId: '',
        receivedAt: at,
        sortKey: `${at}#${id}`,
        status: 'registered',
        ...(onBehalfOf ? { onBehalfOf } : {}),
      });
    deps.documents.seed({
      documents: [
        documentRecord('newer', { kind: 'incoming', summary: 'Yol təmiri', participants: ['e1'] }),
        documentRecord('older', { kind: 'incoming', summary: 'Bina təmiri', participants: ['e1'] }),
        documentRecord('memo', { kind: 'internal', summary: 'Xidməti qeyd', participants: ['e1'] }),
      ],
      inbox: [
        waiting('newer', '2026-03-01T06:00:00.000Z'),
        waiting('older', '2026-02-20T06:00:00.000Z', 'boss'),
        waiting('memo', '2026-02-25T06:00:00.000Z'),
      ],
    });

    // Act
    const all = await listInbox(deps, me, 'awaiting-resolution', q());
    const incomingOnly = await listInbox(deps, me, 'awaiting-resolution', q({ kind: 'incoming' }));

    // Assert
    expect(all.items.map((r) => [r.document.id, r.line.onBehalfOf ?? null])).toEqual([
      ['older', 'boss'],
      ['memo', null],
      ['newer', null],
    ]);
    expect(incomingOnly.items.map((r) => r.document.id)).toEqual(['older', 'newer']);
  });

  it('refuses a filter on an object that is not the tenant’s', async () => {
    // Arrange
    const deps = world();

    // Act
    const attempt = listInbox(deps, me, 'execution', q({ controllerId: 'ghost' }));

    // Assert
    await expect(attempt).rejects.toMatchObject({
      issues: [{ path: 'controllerId', code: 'unknown_reference' }],
    });
  });
});
