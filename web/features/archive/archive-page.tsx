'use client';

import Link from 'next/link';
import { useState } from 'react';
import { listAll } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { formatDateTime } from '../../lib/dates';
import { pickText, useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { ListSection, Table } from '../../ui/data-table';
import { ProblemAlert, SelectField, StatusMessage } from '../../ui/fields';
import { Pager, useCursorPager } from '../../ui/pager';
import type { ReferenceItem } from '../../api/contract';
import { CaseYearForm } from './case-year-form';
import { closeCaseFile, listHoldings, listReports, requestCheck } from './api';
import { DisposalSection } from './disposal';
import { TransfersSection } from './transfers';

/** A nomenclature item as the page reads it (the reference list's items are one open type). */
type Nomenclature = ReferenceItem & { index?: string; retentionYears?: number | null };

/**
 * Arxiv: the archive role's page (Decree 935 §153). Close a case file of the nomenclature for a
 * year (its documents are archived and locked in the archive bucket), the holdings by the end of
 * their retention — all or one case file's — with their legal holds, the integrity reports,
 * with a check run on demand, and the disposal acts of what is due for destruction.
 */
export function ArchivePage() {
  const { t, locale } = useI18n();
  const thisYear = new Date().getFullYear();
  const [caseId, setCaseId] = useState('');
  const [year, setYear] = useState(String(thisYear));
  const [filter, setFilter] = useState('');
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const holdingsPager = useCursorPager();
  const reportsPager = useCursorPager();

  const cases = useLoad(
    () => listAll<ReferenceItem>('/reference/nomenclature') as Promise<Nomenclature[]>,
    [],
  );
  const holdings = useLoad(
    () => listHoldings({ nomenclatureId: filter || undefined, cursor: holdingsPager.cursor }),
    [filter, holdingsPager.cursor],
  );
  const reports = useLoad(() => listReports(reportsPager.cursor), [reportsPager.cursor]);
  const items = cases.data ?? [];
  const caseName = (id: string | undefined) => {
    const item = items.find((c) => c.id === id);
    return item ? `${item.index} ${pickText(item.name, locale)}` : '—';
  };
  const retention = (years: number | null | undefined) =>
    years === null || years === undefined ? t('archive.permanent') : t('archive.years', { years });
  const options = items
    .filter((c) => c.active)
    .map((c) => ({
      value: c.id,
      label: `${c.index} ${pickText(c.name, locale)} (${retention(c.retentionYears)})`,
    }));

  const close = async () => {
    setError(null);
    setClosed(undefined);
    if (!caseId) return;
    setClosing(true);
    try {
      const out = await closeCaseFile(caseId, Number(year));
      setClosed(t('archive.closed', { count: out.closure.archived }));
      holdings.reload();
    } catch (err) {
      setError(err);
    } finally {
      setClosing(false);
    }
  };
  const checkNow = async () => {
    setError(null);
    try {
      await requestCheck();
      reports.reload();
    } catch (err) {
      setError(err);
    }
  };

  const rows = holdings.data?.items ?? [];
  const reportRows = reports.data?.items ?? [];
  return (
    <div className="archive-page">
      <h1>{t('archive.title')}</h1>
      <ProblemAlert error={error ?? cases.error} />
      <section aria-labelledby="archive-close">
        <h2 id="archive-close">{t('archive.closeTitle')}</h2>
        <p className="hint">{t('archive.closeHint')}</p>
        <CaseYearForm
          names={{ caseFile: 'nomenclatureId', year: 'year' }}
          labels={{
            caseFile: t('archive.caseFile'),
            year: t('archive.year'),
            submit: t('archive.close'),
            choose: t('common.choose'),
          }}
          options={options}
          caseId={caseId}
          onCaseId={setCaseId}
          year={year}
          onYear={setYear}
          busy={closing}
          onSubmit={() => void close()}
        />
        <StatusMessage message={closed} />
      </section>

      <ListSection
        id="archive-holdings"
        title={t('archive.holdings')}
        load={holdings}
        empty={rows.length === 0}
      >
        <SelectField
          name="caseFilter"
          label={t('archive.filterCase')}
          value={filter}
          onChange={(v) => {
            setFilter(v);
            holdingsPager.reset();
          }}
          options={options}
          emptyLabel={t('archive.allCases')}
        />
        {rows.length > 0 ? (
          <Table
            caption={t('archive.holdings')}
            headers={[
              t('archive.number'),
              t('archive.summary'),
              t('archive.caseFile'),
              t('archive.retainedUntil'),
              t('archive.legalHold'),
            ]}
          >
            {rows.map((h) => (
              <tr key={h.id}>
                <td>
                  <Link href={`/documents/view/?id=${h.documentId}`}>{h.number ?? '—'}</Link>
                </td>
                <td>{h.summary}</td>
                <td>{caseName(h.nomenclatureId)}</td>
                <td>{h.permanent ? t('archive.permanent') : formatDate(h.retainedThrough)}</td>
                <td>
                  {h.disposedAt
                    ? t('archive.disposal.disposedOn', { date: formatDate(h.disposedAt) })
                    : h.legalHold
                      ? t('archive.holdOn')
                      : t('archive.holdOff')}
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
        <Pager
          label={t('archive.holdingsPager')}
          pager={holdingsPager}
          nextCursor={holdings.data?.nextCursor}
        />
      </ListSection>

      <ListSection
        id="archive-reports"
        title={t('archive.reports')}
        load={reports}
        empty={reportRows.length === 0}
      >
        <div className="row-actions">
          <button type="button" onClick={() => void checkNow()}>
            {t('archive.checkNow')}
          </button>
          <button type="button" className="small" onClick={() => reports.reload()}>
            {t('archive.refresh')}
          </button>
        </div>
        {reportRows.length > 0 ? (
          <Table
            caption={t('archive.reports')}
            headers={[t('archive.started'), t('archive.trigger'), t('archive.result'), t('archive.checked')]}
          >
            {reportRows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.startedAt)}</td>
                <td>{t(`archive.triggers.${r.trigger}`)}</td>
                <td>
                  {t(`archive.statuses.${r.status}`)}
                  {r.mismatchCount > 0 ? ` (${r.mismatchCount})` : ''}
                  {r.mismatches.length > 0 ? (
                    <ul className="small">
                      {r.mismatches.slice(0, 5).map((m, i) => (
                        <li key={i} className="wrap-anywhere">
                          {t(`archive.kinds.${m.kind}`)}: {m.detail}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  {t('archive.checkedCounts', {
                    objects: r.checkedObjects,
                    entries: r.checkedEntries,
                    days: r.checkedDays,
                  })}
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
        <Pager label={t('archive.reportsPager')} pager={reportsPager} nextCursor={reports.data?.nextCursor} />
      </ListSection>

      <DisposalSection />
      <TransfersSection />
    </div>
  );
}
