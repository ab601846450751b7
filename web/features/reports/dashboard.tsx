'use client';

import { useMemo, useState } from 'react';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { LoadState, Table } from '../../ui/data-table';
import { TextField } from '../../ui/fields';
import type { components } from '../../api/schema';
import { Chart, type Series } from './chart';
import './reports.css';

type Dashboard = components['schemas']['ReportsDashboard'];
type Discipline = components['schemas']['ExecutionDiscipline'];

function loadDashboard(registered: string): Promise<Dashboard> {
  return api<Dashboard>('/reports/dashboard', { query: registered ? { registered } : {} });
}

/**
 * İcra intizamı: execution discipline per department and per person, the trend by month, control
 * items due this week, and volumes by kind and delivery form, for a registration period.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState(String(new Date().getFullYear()));
  const [registered, setRegistered] = useState(draft);
  const data = useLoad(() => loadDashboard(registered), [registered]);
  const d = data.data;

  const discipline = (groups: Discipline[] | undefined, none: string) => {
    const top = (groups ?? []).slice(0, 20);
    return {
      categories: top.map((g) => g.name || none),
      series: [
        { name: t('reports.dashboard.onTime'), values: top.map((g) => g.onTime), stack: 'n' },
        { name: t('reports.dashboard.late'), values: top.map((g) => g.late), stack: 'n' },
        { name: t('reports.dashboard.notExecuted'), values: top.map((g) => g.notExecuted), stack: 'n' },
        { name: t('reports.dashboard.overdue'), values: top.map((g) => g.overdue) },
        {
          name: t('reports.dashboard.onTimePct'),
          values: top.map((g) => g.onTimePct ?? 0),
          type: 'line',
          percent: true,
        },
        {
          name: t('reports.dashboard.averageDelay'),
          values: top.map((g) => g.averageDelay ?? 0),
          type: 'line',
        },
      ] satisfies Series[],
    };
  };
  const charts = useMemo(() => {
    if (!d) return undefined;
    return {
      departments: discipline(d.departments, t('reports.dashboard.noDepartment')),
      people: discipline(d.people, t('reports.dashboard.noExecutor')),
      trend: {
        categories: d.trend.map((m) => `${m.month.slice(5)}.${m.month.slice(0, 4)}`),
        series: [
          { name: t('reports.dashboard.onTime'), values: d.trend.map((m) => m.onTime), stack: 'n' },
          { name: t('reports.dashboard.late'), values: d.trend.map((m) => m.late), stack: 'n' },
          { name: t('reports.dashboard.notExecuted'), values: d.trend.map((m) => m.notExecuted), stack: 'n' },
          {
            name: t('reports.dashboard.onTimePct'),
            values: d.trend.map((m) => m.onTimePct ?? 0),
            type: 'line',
            percent: true,
          },
        ] satisfies Series[],
      },
      volumes: {
        categories: d.volumes.map(
          (v) => `${t(`reports.kinds.${v.kind}`)}: ${v.deliveryForm || t('reports.dashboard.noForm')}`,
        ),
        series: [
          { name: t('reports.dashboard.count'), values: d.volumes.map((v) => v.count) },
        ] satisfies Series[],
      },
    };
  }, [d, t]);

  return (
    <section aria-labelledby="dashboard-title" className="reports-page">
      <h1 id="dashboard-title">{t('reports.dashboard.title')}</h1>
      <p className="no-print">
        <a href="/reports/">{t('reports.dashboard.toReports')}</a>
      </p>
      <form
        className="report-filters no-print"
        aria-label={t('reports.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setRegistered(draft.trim());
        }}
      >
        <TextField
          label={t('reports.period')}
          name="registered"
          value={draft}
          hint={t('reports.periodHint')}
          onChange={setDraft}
        />
        <div className="report-actions">
          <button type="submit">{t('reports.show')}</button>
        </div>
      </form>
      <LoadState load={data} empty={false} />
      {d?.partial ? <p role="note">{t('reports.dashboard.partial')}</p> : null}
      {charts ? (
        <div className="dashboard-grid">
          <Chart title={t('reports.dashboard.byDepartment')} {...charts.departments} />
          <Chart title={t('reports.dashboard.byPerson')} {...charts.people} />
          <Chart title={t('reports.dashboard.trend')} {...charts.trend} />
          <Chart title={t('reports.dashboard.volumes')} {...charts.volumes} />
        </div>
      ) : null}
      {d ? (
        <section aria-labelledby="due-week">
          <h2 id="due-week">
            {t('reports.dashboard.dueThisWeek', { from: formatDate(d.week.from), to: formatDate(d.week.to) })}
          </h2>
          {d.dueThisWeek.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <Table
              caption={t('reports.dashboard.dueThisWeek', {
                from: formatDate(d.week.from),
                to: formatDate(d.week.to),
              })}
              headers={[
                t('reports.col.number'),
                t('reports.col.summary'),
                t('reports.col.dueDate'),
                t('reports.col.executor'),
                t('reports.col.department'),
              ]}
            >
              {d.dueThisWeek.map((r) => (
                <tr key={r.resolutionId}>
                  <td>
                    <a href={`/documents/view/?id=${encodeURIComponent(r.documentId)}`}>{r.number || '—'}</a>
                  </td>
                  <td>{r.summary}</td>
                  <td>{r.dueDate ? formatDate(r.dueDate) : ''}</td>
                  <td>{r.executor}</td>
                  <td>{r.department}</td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      ) : null}
    </section>
  );
}
