'use client';

import { useMemo, useState } from 'react';
import { listAll } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { pickText, useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { LoadState, Table } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/fields';
import type { ReferenceItem } from '../../api/contract';
import { documentKinds } from '../../api/enums';
import {
  controlPage,
  controlReports,
  exportRequestOf,
  journalPage,
  type ControlRow,
  type JournalRow,
  type ReportFilters,
  type ReportName,
} from './api';
import { ExportButton } from './export-button';
import './reports.css';

type Named = { id: string; fullName?: string; name?: ReferenceItem['name'] };

const empty: ReportFilters = {
  report: 'overdue',
  registered: '',
  kind: '',
  departmentId: '',
  executorId: '',
  controllerId: '',
  classificationId: '',
};

/** Days left (positive) or late (negative), in working days, as the table says it. */
function DaysCell({ row }: { row: ControlRow }) {
  const { t } = useI18n();
  if (row.workingDays === undefined) return null;
  const n = row.workingDays;
  return (
    <span className={n < 0 ? 'late' : undefined}>
      {n < 0 ? t('reports.daysLate', { n: -n }) : t('reports.daysLeft', { n })}
    </span>
  );
}

/**
 * Hesabatlar: the execution-control reports (overdue, executed on time, executed late, not
 * executed) and the registration journals as registers for a period, with the filter row, a
 * printable table (print CSS) and the Excel export (a background job with a progress bar).
 */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<ReportFilters>(empty);
  const [filters, setFilters] = useState<ReportFilters>(empty);
  const [cursor, setCursor] = useState<string | undefined>();
  const [pages, setPages] = useState<string[]>([]);
  const journal = filters.report === 'journal';

  const lookups = useLoad(async () => {
    const [employees, departments, classifications] = await Promise.all([
      listAll<Named>('/employees'),
      listAll<Named>('/departments'),
      listAll<Named>('/reference/classifications'),
    ]);
    return { employees, departments, classifications };
  }, []);
  const rows = useLoad(
    async (): Promise<{ items: Array<ControlRow | JournalRow>; nextCursor?: string }> =>
      journal ? journalPage(filters, cursor) : controlPage(filters, cursor),
    [filters, cursor],
  );

  const options = useMemo(() => {
    const l = lookups.data;
    const named = (items: Named[] | undefined) =>
      (items ?? [])
        .map((i) => ({ value: i.id, label: i.fullName ?? pickText(i.name, locale) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale));
    return {
      employees: named(l?.employees),
      departments: named(l?.departments),
      classifications: named(l?.classifications),
    };
  }, [lookups.data, locale]);

  const set = (patch: Partial<ReportFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const apply = (next = draft) => {
    setFilters(next);
    setCursor(undefined);
    setPages([]);
  };
  const reportOptions = [...controlReports, 'journal' as const].map((r) => ({
    value: r,
    label: t(`reports.names.${r}`),
  }));
  const kindOptions = documentKinds.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }));
  const items = rows.data?.items ?? [];
  const title = t(`reports.names.${filters.report}`);

  return (
    <section aria-labelledby="reports-title" className="reports-page">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="hint no-print">{t('reports.hint')}</p>
      <p className="no-print">
        <a href="/reports/dashboard/">{t('reports.toDashboard')}</a>
      </p>
      <form
        className="report-filters no-print"
        aria-label={t('reports.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <SelectField
          label={t('reports.report')}
          name="report"
          value={draft.report}
          options={reportOptions}
          onChange={(v) => {
            const next = { ...draft, report: v as ReportName };
            setDraft(next);
            apply(next);
          }}
        />
        <TextField
          label={t('reports.period')}
          name="registered"
          value={draft.registered}
          hint={t('reports.periodHint')}
          onChange={(v) => set({ registered: v })}
        />
        <SelectField
          label={t('reports.kind')}
          name="kind"
          value={draft.kind}
          options={kindOptions}
          emptyLabel={journal ? undefined : t('reports.any')}
          onChange={(v) => set({ kind: v })}
        />
        {journal ? null : (
          <>
            <SelectField
              label={t('reports.department')}
              name="departmentId"
              value={draft.departmentId}
              options={options.departments}
              emptyLabel={t('reports.any')}
              onChange={(v) => set({ departmentId: v })}
            />
            <SelectField
              label={t('reports.executor')}
              name="executorId"
              value={draft.executorId}
              options={options.employees}
              emptyLabel={t('reports.any')}
              onChange={(v) => set({ executorId: v })}
            />
            <SelectField
              label={t('reports.controller')}
              name="controllerId"
              value={draft.controllerId}
              options={options.employees}
              emptyLabel={t('reports.any')}
              onChange={(v) => set({ controllerId: v })}
            />
            <SelectField
              label={t('reports.classification')}
              name="classificationId"
              value={draft.classificationId}
              options={options.classifications}
              emptyLabel={t('reports.any')}
              onChange={(v) => set({ classificationId: v })}
            />
          </>
        )}
        <div className="report-actions">
          <button type="submit">{t('reports.show')}</button>
          <button type="button" onClick={() => window.print()}>
            {t('reports.print')}
          </button>
        </div>
      </form>
      <ExportButton request={exportRequestOf(filters)} />
      <h2 className="print-only">{title}</h2>
      <LoadState load={rows} otherError={lookups.error} empty={items.length === 0} />
      {items.length > 0 ? (
        journal ? (
          <Table
            caption={title}
            className="report-table"
            headers={[
              t('reports.col.seq'),
              t('reports.col.number'),
              t('reports.col.registeredAt'),
              t('reports.col.documentNumber'),
              t('reports.col.party'),
              t('reports.col.summary'),
              t('reports.col.classification'),
              t('reports.col.deliveryForm'),
              t('reports.col.addressee'),
            ]}
          >
            {(items as JournalRow[]).map((r) => (
              <tr key={r.documentId}>
                <td>{r.seq}</td>
                <td>{r.number}</td>
                <td>{formatDate(r.registeredAt)}</td>
                <td>
                  {r.documentNumber}
                  {r.documentDate ? ` (${formatDate(r.documentDate)})` : ''}
                </td>
                <td>{r.party}</td>
                <td>{r.summary}</td>
                <td>{r.classification}</td>
                <td>{r.deliveryForm}</td>
                <td>{r.addressee}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <Table
            caption={title}
            className="report-table"
            headers={[
              t('reports.col.registeredOn'),
              t('reports.col.number'),
              t('reports.col.classification'),
              t('reports.col.summary'),
              t('reports.col.dueDate'),
              t('reports.col.party'),
              t('reports.col.days'),
              t('reports.col.department'),
              t('reports.col.executor'),
              t('reports.col.acted'),
              t('reports.col.state'),
            ]}
          >
            {(items as ControlRow[]).map((r) => (
              <tr key={r.resolutionId} className={r.overdue ? 'overdue' : undefined}>
                <td>{r.registeredOn ? formatDate(r.registeredOn) : ''}</td>
                <td>
                  <a href={`/documents/view/?id=${encodeURIComponent(r.documentId)}`}>{r.number || '—'}</a>
                </td>
                <td>{r.classification}</td>
                <td>{r.summary}</td>
                <td>{r.dueDate ? formatDate(r.dueDate) : ''}</td>
                <td>{r.party}</td>
                <td>
                  <DaysCell row={r} />
                </td>
                <td>{r.department}</td>
                <td>{r.executor}</td>
                <td>
                  {r.actedBy}
                  {r.actedAt ? `, ${formatDate(r.actedAt)}` : ''}
                </td>
                <td>{t(`reports.states.${r.overdue ? 'overdue' : r.state}`)}</td>
              </tr>
            ))}
          </Table>
        )
      ) : null}
      <nav className="report-pager no-print" aria-label={t('reports.pager')}>
        <button
          type="button"
          disabled={pages.length === 0}
          onClick={() => {
            const previous = pages.slice(0, -1);
            setPages(previous);
            setCursor(pages.at(-1) || undefined);
          }}
        >
          {t('reports.previous')}
        </button>
        <button
          type="button"
          disabled={!rows.data?.nextCursor}
          onClick={() => {
            setPages([...pages, cursor ?? '']);
            setCursor(rows.data?.nextCursor);
          }}
        >
          {t('reports.next')}
        </button>
      </nav>
    </section>
  );
}
