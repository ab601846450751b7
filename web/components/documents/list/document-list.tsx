'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ProblemAlert, StatusMessage } from '../../fields';
import { Loading } from '../../loading';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useLoad } from '../../../lib/use-load';
import {
  activeFilterCount,
  filterErrors,
  filtersToSearch,
  listDocuments,
  loadLookups,
  newDocumentHref,
  readFilters,
  type FilterKey,
  type ListFilters,
  type ListLookups,
} from '../../../lib/documents/list';
import type { DocumentKind, DocumentRecord } from '../../../lib/documents/types';
import { columnsOf, extraFiltersOf, type ColumnContext, type ListColumn } from './columns';
import { FilterControl } from './filter-controls';
import { GroupUpdateDialog } from './group-update-dialog';
import { SavedFilters } from './saved-filters';
import styles from './list.module.css';

const noLookups: ListLookups = { documentTypes: [], classifications: [], nomenclature: [], employees: [] };

/** The menu section (heading, description) of each kind. */
const sectionOf: Record<DocumentKind, string> = {
  incoming: 'incoming',
  outgoing: 'outgoing',
  internal: 'internal',
  order: 'orders',
};

/**
 * Writes the filters into the address (bookmarkable) without a navigation. Next's router patches
 * replaceState and updates useSearchParams, but only for a null state (its own calls carry one).
 */
function writeFilters(filters: ListFilters) {
  const search = filtersToSearch(filters);
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

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
  const [rows, setRows] = useState<DocumentRecord[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refresh, setRefresh] = useState(0);
  /** Bumped on every new first page, so a late "more" of older filters is dropped. */
  const generation = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    listDocuments(kind, readFilters(new URLSearchParams(search)), undefined, controller.signal)
      .then((page) => {
        if (gen !== generation.current) return;
        setRows(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted || gen !== generation.current) return;
        setError(err);
        setRows([]);
        setNextCursor(undefined);
      })
      .finally(() => {
        if (gen !== generation.current) return;
        setLoading(false);
        setLoaded(true);
      });
    return () => controller.abort();
  }, [kind, search, refresh]);

  const loadMore = () => {
    if (!nextCursor) return;
    const gen = generation.current;
    setLoadingMore(true);
    listDocuments(kind, filters, nextCursor)
      .then((page) => {
        if (gen !== generation.current) return;
        setRows((current) => {
          const seen = new Set(current.map((d) => d.id));
          return [...current, ...page.items.filter((d) => !seen.has(d.id))];
        });
        setNextCursor(page.nextCursor);
      })
      .catch((err: unknown) => gen === generation.current && setError(err))
      .finally(() => setLoadingMore(false));
  };

  // ---- filters
  const setFilters = useCallback((next: ListFilters) => writeFilters(next), []);
  const patch = (change: ListFilters) => setFilters({ ...filters, ...change });
  const badValues = filterErrors(error);
  const otherError = Object.keys(badValues).length > 0 ? null : error;
  const extrasActive = extras.filter((e) =>
    e.spec.type === 'control' ? filters.controllerId || filters.controlled : filters[e.spec.key],
  ).length;

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

  const [message, setMessage] = useState<string>();
  const header = (c: { header: string }) => t(`docList.columns.${c.header}`);
  const filterLabel = (c: { header: string }) => t('docList.filterLabel', { column: header(c) });
  const colCount = columns.length + (mayGroup ? 1 : 0);
  const title = t(`nav.${section}`);

  const headerCell = (c: ListColumn) => {
    if (!c.sortable) {
      return (
        <th scope="col" key={c.id}>
          {header(c)}
        </th>
      );
    }
    return (
      <th scope="col" key={c.id} aria-sort={order === 'asc' ? 'ascending' : 'descending'}>
        {/* aria-sort tells the order to assistive tech; the arrow and the tooltip show it. */}
        <button
          type="button"
          className={styles.sortButton}
          title={order === 'asc' ? t('docList.sortedAsc') : t('docList.sortedDesc')}
          onClick={() => patch({ order: order === 'asc' ? '' : 'asc' })}
        >
          {header(c)}
          <span aria-hidden="true">{order === 'asc' ? ' ▲' : ' ▼'}</span>
        </button>
      </th>
    );
  };

  const bodyCell = (c: ListColumn, doc: DocumentRecord) => {
    const className = c.className ? styles[c.className] : undefined;
    const content = c.cell(doc, ctx);
    return c.rowHeader ? (
      <th scope="row" key={c.id} className={className}>
        {content}
      </th>
    ) : (
      <td key={c.id} className={className}>
        {content}
      </td>
    );
  };

  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t(`sections.${section}`)}</p>

      <div className={styles.toolbar}>
        {mayCreate ? (
          <Link href={newDocumentHref(kind)} className={styles.actionLink}>
            {kind === 'incoming' || kind === 'outgoing' ? t('docList.register') : t('docList.new')}
          </Link>
        ) : null}
        <SavedFilters kind={kind} filters={filters} onApply={setFilters} onMessage={setMessage} />
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
            <span className={styles.spacer} />
            <span className={styles.selectedCount} aria-live="polite">
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
          </>
        ) : null}
      </div>
      <StatusMessage message={message} />

      <div className={`hint ${styles.hints}`}>
        <p>{t('docList.howTo')}</p>
        <p id={`${kind}-date-hint`}>{t('docList.dateHint')}</p>
        <p>{t('docList.sortHint')}</p>
      </div>

      {extras.length > 0 ? (
        <details className={styles.extras} open={extrasActive > 0 || undefined}>
          <summary>
            {extrasActive > 0 ? t('docList.extraActive', { count: extrasActive }) : t('docList.extra')}
          </summary>
          <div className={styles.extrasGrid}>
            {extras.map((e) => (
              <FilterControl
                key={e.header}
                spec={e.spec}
                label={filterLabel(e)}
                visibleLabel
                filters={filters}
                onChange={patch}
                ctx={ctx}
                error={e.spec.type === 'control' ? undefined : badValues[e.spec.key]}
              />
            ))}
          </div>
        </details>
      ) : null}

      <ProblemAlert error={otherError ?? lookups.error} />

      <div className="table-wrap">
        <table className={styles.table} aria-busy={loading || loadingMore}>
          <caption className="visually-hidden">{t('docList.tableCaption', { list: title })}</caption>
          <thead>
            <tr>
              {mayGroup ? (
                <th scope="col" className={styles.checkCell}>
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
                </th>
              ) : null}
              {columns.map(headerCell)}
            </tr>
          </thead>
          <tbody>
            <tr className={styles.filterRow}>
              {mayGroup ? <td /> : null}
              {columns.map((c) => (
                <td key={c.id}>
                  {c.filter ? (
                    <FilterControl
                      spec={c.filter}
                      label={filterLabel(c)}
                      filters={filters}
                      onChange={patch}
                      ctx={ctx}
                      error={c.filter.type === 'control' ? undefined : badValues[c.filter.key]}
                      hintId={c.filter.type === 'date' ? `${kind}-date-hint` : undefined}
                    />
                  ) : null}
                </td>
              ))}
            </tr>
            {loaded && !loading && rows.length === 0 ? (
              <tr className={styles.emptyRow}>
                <td colSpan={colCount}>{t('docList.empty')}</td>
              </tr>
            ) : null}
            {rows.map((doc) => (
              <tr key={doc.id}>
                {mayGroup ? (
                  <td className={styles.checkCell}>
                    <input
                      type="checkbox"
                      aria-label={t('docList.select.row', { name: rowName(doc) })}
                      checked={selected.has(doc.id)}
                      onChange={(e) => toggle(doc.id, e.target.checked)}
                    />
                  </td>
                ) : null}
                {columns.map((c) => bodyCell(c, doc))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className={styles.footer}>
        {loading && !loaded ? <Loading /> : null}
        <p role="status" aria-live="polite">
          {loaded && !loading
            ? t(nextCursor ? 'docList.countMore' : 'docList.count', { count: rows.length })
            : ''}
        </p>
        {nextCursor ? (
          <button type="button" className="secondary" onClick={loadMore} disabled={loadingMore || loading}>
            {loadingMore ? t('docList.loadingMore') : t('docList.more')}
          </button>
        ) : null}
      </div>

      {grouping && lookups.data ? (
        <GroupUpdateDialog
          kind={kind}
          documents={grouping}
          lookups={lookups.data}
          onDone={() => setRefresh((n) => n + 1)}
          onClose={() => {
            setGrouping(undefined);
            groupButton.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
