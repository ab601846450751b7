'use client';

import { useI18n } from '../lib/i18n';
import type { Loaded } from '../lib/use-load';
import { ProblemAlert } from './fields';
import { Loading } from './loading';

/** A titled section of a loaded list: loading indicator, problem, empty text, then the list. */
export function ListSection({
  id,
  title,
  load,
  otherError,
  empty,
  children,
}: {
  id: string;
  title: string;
  load: Loaded<unknown>;
  /** A failure of a secondary load (lookups), shown when the list itself loaded. */
  otherError?: unknown;
  empty: boolean;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {load.loading && !load.data ? <Loading /> : null}
      <ProblemAlert error={load.error ?? otherError} />
      {load.data && empty ? <p>{t('common.empty')}</p> : null}
      {children}
    </section>
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
            {onEdit ? (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            ) : null}
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
