'use client';

import Link from 'next/link';
import { employeeName } from '../../documents/list/api';
import { documentKinds } from '../../documents/types';
import type { InboxBox, InboxRow } from '../api';
import { formatDate } from '../../../lib/format';
import type { Translate } from '../../../lib/i18n';
import {
  listedDate,
  onDocument,
  party,
  status,
  summary,
  type ListColumn,
} from '../../documents/list/columns';
import { formatDateTime } from '../../../lib/dates';
import './inbox.css';

const dash = '—';
const doc = (row: InboxRow) => row.document;
const label = (t: Translate, key: string, fallback: string) => {
  const text = t(key);
  return text === key ? fallback : text;
};

/** The card tab a line opens: the approval box goes to the route (Viza), the others to İcra. */
export const cardTabOf = (box: InboxBox) => (box === 'approval' ? 'route' : 'execution');

export function lineHref(box: InboxBox, row: InboxRow): string {
  return `/documents/view/?id=${encodeURIComponent(row.document.id)}&tab=${cardTabOf(box)}`;
}

/** "№ 12-3/2026" (or "nömrəsiz"), linking to the card on the tab of the list's work. */
const number = (box: InboxBox): ListColumn<InboxRow> => ({
  id: 'number',
  header: 'regNumber',
  rowHeader: true,
  cell: (row, { t }) => (
    <Link href={lineHref(box, row)}>{row.document.registration?.number ?? t('docList.noNumber')}</Link>
  ),
  filter: { type: 'text', key: 'number' },
  className: 'nowrap',
});

const kind: ListColumn<InboxRow> = {
  id: 'kind',
  header: 'exec.lists.columns.kind',
  cell: (row, { t }) => t(`doc.kinds.${row.document.kind}`),
  filter: {
    type: 'select',
    key: 'kind',
    options: ({ t }) => documentKinds.map((k) => ({ value: k, label: t(`doc.kinds.${k}`) })),
  },
};

const received = (period: boolean): ListColumn<InboxRow> => ({
  id: 'received',
  header: 'exec.lists.columns.received',
  cell: (row) => formatDateTime(row.line.receivedAt),
  ...(period ? { filter: { type: 'date', key: 'period' } as const } : {}),
  className: 'nowrap',
});

const dueDate: ListColumn<InboxRow> = {
  id: 'dueDate',
  header: 'exec.lists.columns.dueDate',
  cell: (row) => (row.line.dueDate ? formatDate(row.line.dueDate) : dash),
  className: 'nowrap',
};

/** Days left, or "overdue by n days" in words (and a sign), never by colour alone. */
export function DeadlineText({ row, t }: { row: InboxRow; t: Translate }) {
  if (row.daysLeft === undefined || !row.line.open) return <>{dash}</>;
  if (row.overdue) {
    return (
      <strong className="inbox-overdue" data-testid="overdue">
        <span aria-hidden="true">⚠ </span>
        {t('exec.lists.overdue', { n: -row.daysLeft })}
      </strong>
    );
  }
  return <>{row.daysLeft === 0 ? t('exec.lists.dueToday') : t('exec.lists.daysLeft', { n: row.daysLeft })}</>;
}

const deadline: ListColumn<InboxRow> = {
  id: 'deadline',
  header: 'exec.lists.columns.deadline',
  cell: (row, { t }) => <DeadlineText row={row} t={t} />,
  className: 'nowrap',
};

/**
 * The line's own state (task, resolution, notice), with the "open only" filter of the box, and what
 * the user may do on the line right there (mark a notice read).
 */
const lineStatus = (box: InboxBox, action?: (row: InboxRow) => React.ReactNode): ListColumn<InboxRow> => ({
  id: 'lineStatus',
  header: `exec.lists.columns.${box === 'control' ? 'resolutionStatus' : box === 'information' ? 'read' : 'task'}`,
  cell: (row, { t }) => (
    <>
      {box === 'approval'
        ? label(
            t,
            `exec.lists.approvalStatus.${row.line.taskKind ?? ''}-${row.line.status}`,
            label(
              t,
              `exec.lists.approvalStatus.${row.line.status}`,
              label(t, `exec.status.${row.line.status}`, row.line.status),
            ),
          )
        : label(t, `exec.status.${row.line.status}`, row.line.status)}
      {action ? <div className="inbox-line-action">{action(row)}</div> : null}
    </>
  ),
  filter: {
    type: 'select',
    key: 'open',
    options: ({ t }) => [{ value: 'true', label: t(`exec.lists.openOnly.${box}`) }],
  },
  className: 'nowrap',
});

const onBehalfOf: ListColumn<InboxRow> = {
  id: 'onBehalfOf',
  header: 'exec.lists.columns.onBehalfOf',
  cell: (row, { lookups }) =>
    row.line.onBehalfOf ? employeeName(lookups.employees, row.line.onBehalfOf) : dash,
};

const controller: ListColumn<InboxRow> = {
  id: 'controller',
  header: 'controller',
  cell: (row, { lookups }) => employeeName(lookups.employees, row.document.controllerId) || dash,
  filter: { type: 'control' },
};

const registered = onDocument(listedDate('registered'), doc);
const docColumns = {
  party: onDocument(party('party'), doc),
  summary: onDocument(summary, doc),
  status: onDocument(status, doc),
};

/**
 * The columns of each personal list; every column with a filter cell filters on the server.
 * `lineAction` renders what may be done on a line (Məlumata gələnlər: mark it read).
 */
export function inboxColumns(
  box: InboxBox,
  lineAction?: (row: InboxRow) => React.ReactNode,
): ListColumn<InboxRow>[] {
  // Which document it is: number, kind, the other party and the summary.
  const theDocument = [number(box), kind, docColumns.party, docColumns.summary];
  switch (box) {
    case 'execution':
      return [dueDate, deadline, ...theDocument, lineStatus(box), onBehalfOf, registered];
    case 'control':
      return [dueDate, deadline, ...theDocument, lineStatus(box), registered];
    case 'information':
      return [received(false), ...theDocument, lineStatus(box, lineAction), onBehalfOf, registered];
    case 'approval':
      // Endorsements and signatures of routes: the task's own state and deadline, then the document's.
      return [
        received(false),
        dueDate,
        deadline,
        ...theDocument,
        lineStatus(box),
        onBehalfOf,
        docColumns.status,
      ];
    case 'mine':
      return [received(true), ...theDocument, docColumns.status, controller, registered];
    case 'awaiting-resolution':
      // Waiting since it came to the list; the line opens the İcra tab, where the resolution is written.
      return [received(false), ...theDocument, onBehalfOf, registered];
  }
}
