'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import {
  activeFilterCount,
  filterErrors,
  filterKeys,
  filtersToSearch,
  loadLookups,
  readFilters,
  type FilterKey,
  type ListFilters,
  type ListLookups,
} from '../../documents/list/api';
import { isDocumentKind } from '../../documents/api';
import { actOnAssignment, listInbox, type InboxBox, type InboxRow } from '../api';
import { useI18n } from '../../../lib/i18n';
import { useLoad } from '../../../lib/use-load';
import { ProblemAlert, StatusMessage } from '../../../ui/fields';
import { extraFiltersFor, type ColumnContext } from '../../documents/list/columns';
import {
  ExtraFilters,
  FilterTable,
  ListFooter,
  usePagedRows,
  writeFilters,
} from '../../documents/list/list-table';
import { SavedFilters } from '../../documents/list/saved-filters';
import '../../documents/list/list.css';
import { inboxColumns } from './inbox-columns';
import './inbox.css';

const noLookups: ListLookups = { documentTypes: [], classifications: [], nomenclature: [], employees: [] };

/** The filter keys each list reads from its address (and sends to the API). */
function keysOf(box: InboxBox): readonly FilterKey[] {
  const base: FilterKey[] = filterKeys.filter((k) => k !== 'order');
  if (box === 'mine') return [...base, 'kind', 'period'];
  // Every waiting line is open: no "open only" filter.
  if (box === 'awaiting-resolution') return [...base, 'kind'];
  return [...base, 'kind', 'open'];
}

/** The menu section of each list (heading and description). */
export const sectionOfBox: Record<InboxBox, string> = {
  execution: 'forExecution',
  approval: 'forApproval',
  information: 'forInformation',
  control: 'underControl',
  mine: 'myDocuments',
  'awaiting-resolution': 'awaitingResolution',
};

const rowName = (row: InboxRow) => row.document.registration?.number ?? row.document.summary.slice(0, 60);

/**
 * A personal list (Dərkənar gözləyənlər, İcraya gələnlər, Məlumata gələnlər, Nəzarətimdə olanlar,
 * Etdiklərim, Razılaşdırmaya gələnlər): the registration lists' filter row over the user's own lines, in the
 * order the server keeps them (by due date with overdue ones first, or newest first).
 */
export function InboxList({ box }: { box: InboxBox }) {
  const { t, locale } = useI18n();
  const params = useSearchParams();
  const keys = keysOf(box);
  const search = filtersToSearch(readFilters(new URLSearchParams(params?.toString() ?? ''), keys));
  const filters = useMemo(() => readFilters(new URLSearchParams(search), keys), [search]);
  const section = sectionOfBox[box];
  const title = t(`nav.${section}`);

  const lookups = useLoad(loadLookups, []);
  const ctx: ColumnContext = {
    t,
    locale,
    lookups: lookups.data ?? noLookups,
    ...(isDocumentKind(filters.kind) ? { kind: filters.kind } : {}),
    chosen: (key: FilterKey) => filters[key],
  };

  const list = usePagedRows(
    (cursor, signal) => listInbox(box, readFilters(new URLSearchParams(search), keys), cursor, signal),
    `${box}?${search}`,
    (row: InboxRow) => `${row.line.documentId}#${row.line.assignmentId}`,
  );

  const setFilters = useCallback((next: ListFilters) => writeFilters(next), []);
  const patch = (change: ListFilters) => setFilters({ ...filters, ...change });
  const badValues = filterErrors(list.error);
  const otherError = Object.keys(badValues).length > 0 ? null : list.error;

  // Məlumata gələnlər: a line is marked read from the list itself.
  const [message, setMessage] = useState<string>();
  const [marking, setMarking] = useState<string>();
  const [markError, setMarkError] = useState<unknown>(null);
  const markRead = async (row: InboxRow) => {
    setMarking(row.line.assignmentId);
    setMarkError(null);
    setMessage('');
    try {
      await actOnAssignment(row.document.id, row.line.assignmentId, 'read', {
        version: row.document.version,
      });
      setMessage(t('exec.lists.markedRead', { name: rowName(row) }));
      list.refresh();
    } catch (err) {
      setMarkError(err);
    } finally {
      setMarking(undefined);
    }
  };
  const readButton = (row: InboxRow) =>
    row.line.status === 'unread' ? (
      <button
        type="button"
        className="small"
        disabled={marking !== undefined}
        aria-label={t('exec.lists.markReadRow', { name: rowName(row) })}
        onClick={() => void markRead(row)}
      >
        {t('exec.actions.read')}
      </button>
    ) : null;
  const columns = inboxColumns(box, box === 'information' ? readButton : undefined);
  const extras = extraFiltersFor(columns);
  const hintId = `${box}-date-hint`;

  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t(`sections.${section}`)}</p>

      <div className="doclist-toolbar">
        <SavedFilters
          list={`inbox:${box}`}
          keys={keys}
          filters={filters}
          onApply={setFilters}
          onMessage={setMessage}
        />
        <button
          type="button"
          className="secondary"
          disabled={activeFilterCount(filters) === 0}
          onClick={() => setFilters({})}
        >
          {t('docList.clear')}
        </button>
      </div>
      <StatusMessage message={message} />

      <div className={`hint doclist-hints`}>
        <p>{t('docList.howTo')}</p>
        <p id={hintId}>{t('docList.dateHint')}</p>
        <p>{t(`exec.lists.order.${box}`)}</p>
        {box === 'mine' ? <p>{t('exec.lists.periodHint')}</p> : null}
      </div>

      <ExtraFilters extras={extras} filters={filters} onFilter={patch} ctx={ctx} badValues={badValues} />

      <ProblemAlert error={otherError ?? lookups.error ?? markError} />

      <FilterTable
        columns={columns}
        list={list}
        rowKey={(row) => `${row.line.documentId}#${row.line.assignmentId}`}
        ctx={ctx}
        filters={filters}
        onFilter={patch}
        badValues={badValues}
        dateHintId={hintId}
        caption={t('docList.tableCaption', { list: title })}
        emptyText={t(`exec.lists.empty.${box}`)}
        rowClassName={(row) =>
          row.overdue ? 'inbox-overdue-row' : row.line.status === 'unread' ? 'inbox-unread-row' : undefined
        }
      />

      <ListFooter list={list} t={t} />
    </>
  );
}
