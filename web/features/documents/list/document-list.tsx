'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ProblemAlert, StatusMessage } from '../../../ui/fields';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useLoad } from '../../../lib/use-load';
import {
  activeFilterCount,
  EXPORT_LIMIT,
  exportSelection,
  filterErrors,
  filtersToSearch,
  listDocuments,
  loadLookups,
  newDocumentHref,
  printCardsHref,
  readFilters,
  type FilterKey,
  type GroupResult,
  type ListFilters,
  type ListLookups,
  type Selected,
} from './api';
import type { DocumentKind, DocumentRecord } from '../types';
import { columnsOf, extraFiltersOf, type ColumnContext } from './columns';
import { GroupResults } from './group-results';
import { ExtraFilters, FilterTable, ListFooter, usePagedRows, writeFilters } from './list-table';
import { SavedFilters } from './saved-filters';
import './list.css';

// The group operations' dialogs (the resolution form among them) open on demand: chunks of their
// own, not in the list's first load.
const GroupUpdateDialog = dynamic(() => import('./group-update-dialog').then((m) => m.GroupUpdateDialog));
const ArchiveDialog = dynamic(() => import('./bulk-dialogs').then((m) => m.ArchiveDialog));
const ResolutionDialog = dynamic(() => import('./bulk-dialogs').then((m) => m.ResolutionDialog));

const noLookups: ListLookups = { documentTypes: [], classifications: [], nomenclature: [], employees: [] };

/** The menu section (heading, description) of each kind. */
const sectionOf: Record<DocumentKind, string> = {
  incoming: 'incoming',
  outgoing: 'outgoing',
  internal: 'internal',
  order: 'orders',
};

/**
 * One list of documents of a kind: the brochure's table whose first row filters (a cell per
 * column), the date sort on the server, "Daha çox" cursor paging, saved filters, and for the
 * registry office and heads a group operation on the selected rows.
 */
export function DocumentList({ kind }: { kind: DocumentKind }) {
  const { t, locale } = useI18n();
  const { hasRole } = useSession();
  const params = useSearchParams();
  const search = filtersToSearch(readFilters(new URLSearchParams(params?.toString() ?? '')));
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const order = filters.order === 'asc' ? 'asc' : 'desc';

  const mayCreate = kind === 'incoming' ? hasRole('clerk') : true;
  const mayGroup = hasRole('clerk', 'head');
  const section = sectionOf[kind];

  const lookups = useLoad(loadLookups, []);
  const ctx: ColumnContext = {
    t,
    locale,
    lookups: lookups.data ?? noLookups,
    kind,
    chosen: (key: FilterKey) => filters[key],
  };
  const columns = columnsOf[kind];
  const extras = extraFiltersOf(kind);

  // ---- rows: the first page whenever the filters change, then "Daha çox" appends
  const list = usePagedRows(
    (cursor, signal) => listDocuments(kind, readFilters(new URLSearchParams(search)), cursor, signal),
    `${kind}?${search}`,
    (d: DocumentRecord) => d.id,
  );
  const { rows, error } = list;

  // ---- filters
  const setFilters = useCallback((next: ListFilters) => writeFilters(next), []);
  const patch = (change: ListFilters) => setFilters({ ...filters, ...change });
  const badValues = filterErrors(error);
  const otherError = Object.keys(badValues).length > 0 ? null : error;

  // ---- selection (documents loaded so far) and the group operation
  const [selected, setSelected] = useState<Set<string>>(new Set());
  /** The documents the open dialog works on (fixed when it opens; the list refreshes behind it). */
  const [grouping, setGrouping] = useState<{ id: string; name: string }[]>();
  const groupButton = useRef<HTMLButtonElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => setSelected(new Set()), [search]);
  const selectedRows = rows.filter((d) => selected.has(d.id));
  const allSelected = rows.length > 0 && selectedRows.length === rows.length;
  useEffect(() => {
    if (selectAll.current)
      selectAll.current.indeterminate = selectedRows.length > 0 && selectedRows.length < rows.length;
  }, [selectedRows.length, rows.length]);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const rowName = (d: DocumentRecord) => d.registration?.number ?? d.summary.slice(0, 60);
  /** The other group operations: archive into a case file, one resolution for all (fixed when opened). */
  const [bulk, setBulk] = useState<{ op: 'archive' | 'resolution'; documents: Selected[] }>();
  const selection = (): Selected[] =>
    selectedRows.map((d) => ({ id: d.id, version: d.version, name: rowName(d) }));
  const mayResolve = (kind === 'incoming' || kind === 'internal') && hasRole('head', 'clerk');
  const mayArchive = hasRole('clerk');
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ results: GroupResult[]; names: Map<string, string> }>();
  const [exportError, setExportError] = useState<unknown>(null);
  const runExport = async () => {
    const chosen = selection().slice(0, EXPORT_LIMIT);
    setExporting(true);
    setExportError(null);
    setExported(undefined);
    try {
      await exportSelection(chosen.map((d) => d.id));
      setExported({
        results: chosen.map((d) => ({ id: d.id, ok: true })),
        names: new Map(chosen.map((d) => [d.id, d.name])),
      });
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const [message, setMessage] = useState<string>();
  const title = t(`nav.${section}`);

  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t(`sections.${section}`)}</p>

      <div className="doclist-toolbar">
        {mayCreate ? (
          <Link href={newDocumentHref(kind)} className="doclist-action-link">
            {kind === 'incoming' || kind === 'outgoing' ? t('docList.register') : t('docList.new')}
          </Link>
        ) : null}
        <SavedFilters list={kind} filters={filters} onApply={setFilters} onMessage={setMessage} />
        <button
          type="button"
          className="secondary"
          disabled={activeFilterCount(filters) === 0}
          onClick={() => setFilters(filters.order ? { order: filters.order } : {})}
        >
          {t('docList.clear')}
        </button>
        {mayGroup ? (
          <>
            <span className="doclist-spacer" />
            <span className="doclist-selected-count" aria-live="polite">
              {t('docList.select.count', { count: selectedRows.length })}
            </span>
            <button
              ref={groupButton}
              type="button"
              className="primary"
              disabled={selectedRows.length === 0 || !lookups.data}
              onClick={() => setGrouping(selectedRows.map((d) => ({ id: d.id, name: rowName(d) })))}
            >
              {t('docList.group.open')}
            </button>
            {mayResolve ? (
              <button
                type="button"
                className="secondary"
                disabled={selectedRows.length === 0}
                onClick={() => setBulk({ op: 'resolution', documents: selection() })}
              >
                {t('docList.bulk.resolution')}
              </button>
            ) : null}
            {mayArchive ? (
              <button
                type="button"
                className="secondary"
                disabled={selectedRows.length === 0 || !lookups.data}
                onClick={() => setBulk({ op: 'archive', documents: selection() })}
              >
                {t('docList.bulk.archive')}
              </button>
            ) : null}
            {selectedRows.length > 0 ? (
              <Link className="button-link" href={printCardsHref(selectedRows.map((d) => d.id))}>
                {t('docList.bulk.print')}
              </Link>
            ) : null}
            <button
              type="button"
              className="secondary"
              disabled={selectedRows.length === 0 || exporting}
              onClick={() => void runExport()}
            >
              {exporting ? t('docList.bulk.exporting') : t('docList.bulk.export')}
            </button>
          </>
        ) : null}
      </div>
      <StatusMessage message={message} />
      <ProblemAlert error={exportError} />
      {exported ? (
        <details className="doclist-export">
          <summary>
            {t('docList.bulk.exported', { count: exported.results.filter((r) => r.ok).length })}
          </summary>
          <GroupResults results={exported.results} nameOf={(id) => exported.names.get(id) ?? id} />
        </details>
      ) : null}

      <div className={`hint doclist-hints`}>
        <p>{t('docList.howTo')}</p>
        <p id={`${kind}-date-hint`}>{t('docList.dateHint')}</p>
        <p>{t('docList.sortHint')}</p>
      </div>

      <ExtraFilters extras={extras} filters={filters} onFilter={patch} ctx={ctx} badValues={badValues} />

      <ProblemAlert error={otherError ?? lookups.error} />

      <FilterTable
        columns={columns}
        list={list}
        rowKey={(d) => d.id}
        ctx={ctx}
        filters={filters}
        onFilter={patch}
        badValues={badValues}
        dateHintId={`${kind}-date-hint`}
        order={order}
        onToggleOrder={() => patch({ order: order === 'asc' ? '' : 'asc' })}
        caption={t('docList.tableCaption', { list: title })}
        emptyText={t('docList.empty')}
        leading={
          mayGroup
            ? {
                header: (
                  <input
                    ref={selectAll}
                    type="checkbox"
                    aria-label={t('docList.select.all')}
                    checked={allSelected}
                    disabled={rows.length === 0}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(rows.map((d) => d.id)) : new Set())
                    }
                  />
                ),
                cell: (doc) => (
                  <input
                    type="checkbox"
                    aria-label={t('docList.select.row', { name: rowName(doc) })}
                    checked={selected.has(doc.id)}
                    onChange={(e) => toggle(doc.id, e.target.checked)}
                  />
                ),
              }
            : undefined
        }
      />

      <ListFooter list={list} t={t} />

      {bulk?.op === 'archive' && lookups.data ? (
        <ArchiveDialog
          documents={bulk.documents}
          lookups={lookups.data}
          onDone={list.refresh}
          onClose={() => setBulk(undefined)}
        />
      ) : null}
      {bulk?.op === 'resolution' ? (
        <ResolutionDialog
          documents={bulk.documents}
          onDone={list.refresh}
          onClose={() => setBulk(undefined)}
        />
      ) : null}
      {grouping && lookups.data ? (
        <GroupUpdateDialog
          kind={kind}
          documents={grouping}
          lookups={lookups.data}
          onDone={list.refresh}
          onClose={() => {
            setGrouping(undefined);
            groupButton.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
