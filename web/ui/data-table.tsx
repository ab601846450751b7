'use client';

import { useI18n } from '../lib/i18n';
import type { Loaded } from '../lib/use-load';
import { ProblemAlert } from './fields';
import { Loading } from './loading';

/** The states of a loaded list before its rows: loading, a problem, or the empty text. */
export function LoadState({
  load,
  otherError,
  empty,
  emptyText,
}: {
  load: Loaded<unknown>;
  /** A failure of a secondary load (lookups), shown when the list itself loaded. */
  otherError?: unknown;
  empty: boolean;
  /** Default "Nothing here yet". */
  emptyText?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {load.loading && !load.data ? <Loading /> : null}
      <ProblemAlert error={load.error ?? otherError} />
      {load.data && empty ? <p>{emptyText ?? t('common.empty')}</p> : null}
    </>
  );
}

/** A titled section of a loaded list: loading indicator, problem, empty text, then the list. */
export function ListSection({
  id,
  title,
  children,
  ...state
}: {
  id: string;
  title: string;
  load: Loaded<unknown>;
  otherError?: unknown;
  empty: boolean;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <LoadState {...state} />
      {children}
    </section>
  );
}

/** The header of a column of row buttons: read out, not shown. */
function ActionsHeader() {
  const { t } = useI18n();
  return (
    <th scope="col">
      <span className="visually-hidden">{t('common.actions')}</span>
    </th>
  );
}

/**
 * A table with a caption for screen readers, its column headers (and, with `actions`, a last
 * column of row buttons), and the rows given as children.
 */
export function Table({
  caption,
  headers,
  actions,
  className,
  wrapClassName,
  children,
}: {
  caption: string;
  headers: string[];
  actions?: boolean;
  className?: string;
  /** Classes beside `table-wrap` on the scrolling frame. */
  wrapClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={wrapClassName ? `table-wrap ${wrapClassName}` : 'table-wrap'}>
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header, i) => (
              <th scope="col" key={i}>
                {header}
              </th>
            ))}
            {actions ? <ActionsHeader /> : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => React.ReactNode;
  className?: string;
}

/**
 * A table of rows: the first column heads each row; with `onEdit`, a last column holds an edit
 * button labelled "Edit: <editName(row)>". Renders nothing without rows.
 */
export function DataTable<T extends { id: string }>({
  columns: [first, ...rest],
  rows,
  busy,
  rowHeaderStyle,
  active,
  editName,
  onEdit,
}: {
  columns: [Column<T>, ...Column<T>[]];
  rows: T[];
  busy?: boolean;
  rowHeaderStyle?: (row: T) => React.CSSProperties | undefined;
  /** Adds a status column (active / inactive). */
  active?: (row: T) => boolean;
  editName: (row: T) => string;
  onEdit?: (row: T) => void;
}) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table aria-busy={busy}>
        <thead>
          <tr>
            {[first, ...rest].map((c, i) => (
              <th scope="col" key={i}>
                {c.header}
              </th>
            ))}
            {active ? <th scope="col">{t('common.status')}</th> : null}
            {onEdit ? <ActionsHeader /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" style={rowHeaderStyle?.(row)}>
                {first.cell(row)}
              </th>
              {rest.map((c, i) => (
                <td key={i} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
              {active ? <td>{active(row) ? t('common.active') : t('common.inactive')}</td> : null}
              {onEdit ? (
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={`${t('form.edit')}: ${editName(row)}`}
                    onClick={() => onEdit(row)}
                  >
                    {t('form.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
