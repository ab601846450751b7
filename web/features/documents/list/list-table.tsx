'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../lib/api';
import { filtersToSearch, type FilterKey, type ListFilters } from './api';
import type { Translate } from '../../../lib/i18n';
import { Loading } from '../../../ui/loading';
import type { ColumnContext, ExtraFilter, ListColumn } from './columns';
import { FilterControl } from './filter-controls';
import './list.css';

/**
 * Writes the filters into the address (bookmarkable) without a navigation. Next's router patches
 * replaceState and updates useSearchParams, but only for a null state (its own calls carry one).
 */
export function writeFilters(filters: ListFilters) {
  const search = filtersToSearch(filters);
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

/** A column's header text: a key under docList.columns, or a full message key (with a dot). */
export const columnHeader = (t: Translate, c: { header: string }) =>
  c.header.includes('.') ? t(c.header) : t(`docList.columns.${c.header}`);

export const filterLabelOf = (t: Translate, c: { header: string }) =>
  t('docList.filterLabel', { column: columnHeader(t, c) });

/**
 * Rows of a list read page by page: the first page whenever `key` (the filters) changes, then
 * "Daha çox" appends the next one; a late answer to older filters is dropped.
 */
export function usePagedRows<T>(
  fetchPage: (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>,
  key: string,
  idOf: (row: T) => string,
) {
  const [rows, setRows] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refreshed, setRefreshed] = useState(0);
  /** Bumped on every new first page, so a late "more" of older filters is dropped. */
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    const controller = new AbortController();
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    fetchRef
      .current(undefined, controller.signal)
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
  }, [key, refreshed]);

  const loadMore = () => {
    if (!nextCursor) return;
    const gen = generation.current;
    setLoadingMore(true);
    fetchRef
      .current(nextCursor)
      .then((page) => {
        if (gen !== generation.current) return;
        setRows((current) => {
          const seen = new Set(current.map(idOf));
          return [...current, ...page.items.filter((r) => !seen.has(idOf(r)))];
        });
        setNextCursor(page.nextCursor);
      })
      .catch((err: unknown) => gen === generation.current && setError(err))
      .finally(() => setLoadingMore(false));
  };

  const refresh = useCallback(() => setRefreshed((n) => n + 1), []);
  return { rows, nextCursor, loaded, loading, loadingMore, error, loadMore, refresh };
}

export type PagedRows<T> = ReturnType<typeof usePagedRows<T>>;

/**
 * The brochure's table whose first row filters (a cell per column), with the server-side date sort
 * on the sortable column. `leading` adds a first cell to every row (the selection checkbox).
 */
export function FilterTable<T>({
  columns,
  list,
  rowKey,
  ctx,
  filters,
  onFilter,
  badValues,
  dateHintId,
  order,
  onToggleOrder,
  caption,
  emptyText,
  leading,
  rowClassName,
}: {
  columns: ListColumn<T>[];
  list: Pick<PagedRows<T>, 'rows' | 'loaded' | 'loading' | 'loadingMore'> & { nextCursor?: string };
  rowKey: (row: T) => string;
  ctx: ColumnContext;
  filters: ListFilters;
  onFilter: (patch: ListFilters) => void;
  badValues: Partial<Record<FilterKey, string>>;
  /** Id of the shared hint that explains the date syntax. */
  dateHintId?: string;
  order?: 'asc' | 'desc';
  onToggleOrder?: () => void;
  caption: string;
  emptyText: string;
  leading?: { header: React.ReactNode; cell: (row: T) => React.ReactNode };
  rowClassName?: (row: T) => string | undefined;
}) {
  const { t } = ctx;
  const colCount = columns.length + (leading ? 1 : 0);

  const headerCell = (c: ListColumn<T>) => {
    if (!c.sortable || !onToggleOrder) {
      return (
        <th scope="col" key={c.id}>
          {columnHeader(t, c)}
        </th>
      );
    }
    return (
      <th scope="col" key={c.id} aria-sort={order === 'asc' ? 'ascending' : 'descending'}>
        {/* aria-sort tells the order to assistive tech; the arrow and the tooltip show it. */}
        <button
          type="button"
          className="doclist-sort-button"
          title={order === 'asc' ? t('docList.sortedAsc') : t('docList.sortedDesc')}
          onClick={onToggleOrder}
        >
          {columnHeader(t, c)}
          <span aria-hidden="true">{order === 'asc' ? ' ▲' : ' ▼'}</span>
        </button>
      </th>
    );
  };

  const bodyCell = (c: ListColumn<T>, row: T) => {
    const className = c.className ? `doclist-${c.className}` : undefined;
    const content = c.cell(row, ctx);
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
    <div className="table-wrap">
      <table className="doclist-table" aria-busy={list.loading || list.loadingMore}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {leading ? (
              <th scope="col" className="doclist-check-cell">
                {leading.header}
              </th>
            ) : null}
            {columns.map(headerCell)}
          </tr>
        </thead>
        <tbody>
          <tr className="doclist-filter-row">
            {leading ? <td /> : null}
            {columns.map((c) => (
              <td key={c.id}>
                {c.filter ? (
                  <FilterControl
                    spec={c.filter}
                    label={filterLabelOf(t, c)}
                    filters={filters}
                    onChange={onFilter}
                    ctx={ctx}
                    error={c.filter.type === 'control' ? undefined : badValues[c.filter.key]}
                    hintId={c.filter.type === 'date' ? dateHintId : undefined}
                  />
                ) : null}
              </td>
            ))}
          </tr>
          {list.loaded && !list.loading && list.rows.length === 0 ? (
            <tr className="doclist-empty-row">
              {/* A page the server's read budget cut short may be empty with more to read. */}
              <td colSpan={colCount}>{list.nextCursor ? ctx.t('docList.emptySoFar') : emptyText}</td>
            </tr>
          ) : null}
          {list.rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {leading ? <td className="doclist-check-cell">{leading.cell(row)}</td> : null}
              {columns.map((c) => bodyCell(c, row))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Under the table: the count in a live region and "Daha çox" while the server has more. */
export function ListFooter<T>({ list, t }: { list: PagedRows<T>; t: Translate }) {
  const { loaded, loading, loadingMore, nextCursor, rows } = list;
  return (
    <div className="doclist-footer">
      {loading && !loaded ? <Loading /> : null}
      <p role="status" aria-live="polite">
        {loaded && !loading
          ? t(nextCursor ? 'docList.countMore' : 'docList.count', { count: rows.length })
          : ''}
      </p>
      {nextCursor ? (
        <button type="button" className="secondary" onClick={list.loadMore} disabled={loadingMore || loading}>
          {loadingMore ? t('docList.loadingMore') : t('docList.more')}
        </button>
      ) : null}
    </div>
  );
}

/** Filters without a column of their own, folded above the table (open while one is set). */
export function ExtraFilters({
  extras,
  filters,
  onFilter,
  ctx,
  badValues,
}: {
  extras: ExtraFilter[];
  filters: ListFilters;
  onFilter: (patch: ListFilters) => void;
  ctx: ColumnContext;
  badValues: Partial<Record<FilterKey, string>>;
}) {
  const { t } = ctx;
  if (extras.length === 0) return null;
  const active = extras.filter((e) =>
    e.spec.type === 'control' ? filters.controllerId || filters.controlled : filters[e.spec.key],
  ).length;
  return (
    <details className="doclist-extras" open={active > 0 || undefined}>
      <summary>{active > 0 ? t('docList.extraActive', { count: active }) : t('docList.extra')}</summary>
      <div className="doclist-extras-grid">
        {extras.map((e) => (
          <FilterControl
            key={e.header}
            spec={e.spec}
            label={filterLabelOf(t, e)}
            visibleLabel
            filters={filters}
            onChange={onFilter}
            ctx={ctx}
            error={e.spec.type === 'control' ? undefined : badValues[e.spec.key]}
          />
        ))}
      </div>
    </details>
  );
}
