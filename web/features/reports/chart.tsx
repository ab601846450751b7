'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { Table } from '../../ui/data-table';

export interface Series {
  name: string;
  values: number[];
  type?: 'bar' | 'line';
  /** Stacked bars share a stack name. */
  stack?: string;
  /** Drawn against the right axis (a percentage beside counts). */
  percent?: boolean;
}

/**
 * One dashboard chart with the numbers behind it one click away: a toggle shows the same figures
 * as a table (and the table is what screen readers get; the drawing is an image with a label).
 * The charting library is loaded on first use, in a chunk of its own.
 */
export function Chart({
  title,
  categories,
  series,
}: {
  title: string;
  categories: string[];
  series: Series[];
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (asTable || !ref.current || categories.length === 0) return;
    let dispose: (() => void) | undefined;
    let gone = false;
    void import('./echarts-setup').then(({ renderChart }) => {
      if (gone || !ref.current) return;
      const percent = series.some((s) => s.percent);
      dispose = renderChart(ref.current, {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: percent ? 48 : 16, top: 36, bottom: 64 },
        xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 6 ? 30 : 0 } },
        yAxis: [
          { type: 'value', minInterval: 1 },
          ...(percent
            ? [{ type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }]
            : []),
        ],
        series: series.map((s) => ({
          name: s.name,
          type: s.type ?? 'bar',
          data: s.values,
          ...(s.stack ? { stack: s.stack } : {}),
          ...(s.percent ? { yAxisIndex: 1 } : {}),
        })),
      });
    });
    return () => {
      gone = true;
      dispose?.();
    };
  }, [asTable, categories, series]);

  return (
    <section aria-labelledby={id} className="dashboard-chart">
      <div className="dashboard-chart-head">
        <h2 id={id}>{title}</h2>
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {t('reports.dashboard.showTable')}
        </button>
      </div>
      {categories.length === 0 ? (
        <p>{t('common.empty')}</p>
      ) : asTable ? (
        <Table caption={title} headers={['', ...series.map((s) => s.name)]}>
          {categories.map((c, i) => (
            <tr key={`${c}-${i}`}>
              <th scope="row">{c}</th>
              {series.map((s) => (
                <td key={s.name}>{s.values[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </Table>
      ) : (
        <div
          ref={ref}
          className="chart-canvas"
          role="img"
          aria-label={t('reports.dashboard.chartOf', { title })}
        />
      )}
    </section>
  );
}
