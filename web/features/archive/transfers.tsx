'use client';

import { useEffect, useRef, useState } from 'react';
import { listAll } from '../../lib/api';
import { saveFrom } from '../../lib/download';
import { formatDate } from '../../lib/format';
import { pickText, useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { ListSection, Table } from '../../ui/data-table';
import { ProblemAlert, StatusMessage } from '../../ui/fields';
import { Pager, useCursorPager } from '../../ui/pager';
import type { ReferenceItem } from '../../api/contract';
import { formatSize } from '../documents/labels';
import { CaseYearForm } from './case-year-form';
import { listTransfers, requestTransfer, transferPackage, type ArchiveTransfer } from './transfers-api';

/** How often the list is read again while a package is being built. */
const POLL_MS = 2000;
const newKey = () => `transfer-${crypto.randomUUID()}`;

type Nomenclature = ReferenceItem & { index?: string; retentionYears?: number | null };

/** The package's progress in documents (a native progress bar: role progressbar, its values). */
function Progress({ transfer }: { transfer: ArchiveTransfer }) {
  const { t } = useI18n();
  const { done, total } = transfer.progress;
  return (
    <progress
      max={Math.max(total, 1)}
      value={done}
      aria-label={t('archive.transfers.progress', { name: transfer.caseIndex })}
      aria-valuetext={t('archive.transfers.progressText', { done, total })}
    />
  );
}

/**
 * The archive page's transfer packages (Decree 935 §153.7): pick a permanent case file and a
 * year, start its package, follow its progress while the machine builds it, and download it
 * (a BagIt bag in one tar) with its size and SHA-256.
 */
export function TransfersSection() {
  const { t, locale } = useI18n();
  const [caseId, setCaseId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const idempotencyKey = useRef(newKey());
  const pager = useCursorPager();

  const cases = useLoad(
    () => listAll<ReferenceItem>('/reference/nomenclature') as Promise<Nomenclature[]>,
    [],
  );
  const transfers = useLoad(() => listTransfers(pager.cursor), [pager.cursor]);
  const rows = transfers.data?.items ?? [];
  const building = rows.some((r) => r.status === 'queued' || r.status === 'building');
  const { reload } = transfers;

  useEffect(() => {
    if (!building) return;
    const timer = setTimeout(() => reload(), POLL_MS);
    return () => clearTimeout(timer);
  }, [building, rows, reload]);

  const options = (cases.data ?? [])
    .filter((c) => c.active && c.retentionYears === null)
    .map((c) => ({ value: c.id, label: `${c.index} ${pickText(c.name, locale)}` }));

  const start = async () => {
    setError(null);
    setStarted(undefined);
    if (!caseId) return;
    setBusy(true);
    try {
      const out = await requestTransfer(caseId, Number(year), idempotencyKey.current);
      idempotencyKey.current = newKey();
      setStarted(t('archive.transfers.started', { count: out.documents }));
      pager.reset();
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const download = async (row: ArchiveTransfer) => {
    setError(null);
    try {
      const file = await transferPackage(row.id);
      saveFrom(file.url, file.name);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <ListSection
      id="archive-transfers"
      title={t('archive.transfers.title')}
      load={transfers}
      otherError={cases.error}
      empty={rows.length === 0}
    >
      <p className="hint">{t('archive.transfers.hint')}</p>
      <ProblemAlert error={error} />
      <CaseYearForm
        names={{ caseFile: 'transferCase', year: 'transferYear' }}
        labels={{
          caseFile: t('archive.transfers.caseFile'),
          year: t('archive.transfers.year'),
          submit: t('archive.transfers.start'),
          choose: t('common.choose'),
        }}
        options={options}
        caseId={caseId}
        onCaseId={setCaseId}
        year={year}
        onYear={setYear}
        busy={busy}
        onSubmit={() => void start()}
      />
      <StatusMessage message={started} />
      {rows.length > 0 ? (
        <Table
          caption={t('archive.transfers.title')}
          headers={[
            t('archive.transfers.caseFile'),
            t('archive.transfers.requested'),
            t('archive.transfers.status'),
            t('archive.transfers.size'),
            t('archive.transfers.sha256'),
            t('archive.transfers.package'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {r.caseIndex} {pickText(r.caseName, locale)}, {r.year}
              </td>
              <td>{formatDate(r.requestedAt)}</td>
              <td>
                {t(`archive.transfers.statuses.${r.status}`)}
                {r.status === 'queued' || r.status === 'building' ? <Progress transfer={r} /> : null}
                {r.failure ? (
                  <p className="small wrap-anywhere">
                    {t(`archive.transfers.failures.${r.failure.code}`)}: {r.failure.detail}
                  </p>
                ) : null}
              </td>
              <td>{r.status === 'ready' && r.size !== undefined ? formatSize(r.size, locale) : '—'}</td>
              <td className="small wrap-anywhere">{r.sha256 ? <code>{r.sha256}</code> : '—'}</td>
              <td>
                {r.status === 'ready' ? (
                  <button type="button" className="small" onClick={() => void download(r)}>
                    {t('archive.transfers.download', { name: `${r.name}.tar` })}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <Pager label={t('archive.transfers.pager')} pager={pager} nextCursor={transfers.data?.nextCursor} />
    </ListSection>
  );
}
