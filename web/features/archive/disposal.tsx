'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import type { DisposalAct } from '../../api/contract';
import { formatDate } from '../../lib/format';
import { pickText, useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { ListSection, Table } from '../../ui/data-table';
import { ProblemAlert, StatusMessage, TextField } from '../../ui/fields';
import { Pager, useCursorPager } from '../../ui/pager';
import { cancelDisposalAct, disposalPreview, drawUpDisposalAct, listDisposalActs } from './api';

const newKey = () => `akt-${crypto.randomUUID()}`;

/**
 * Məhv etmə aktları (Decree 935 §153.2): what is due for disposal now (case files whose retention
 * ended; daimi items and legal holds never), drawing up an act — an internal document that goes
 * through its route on its card — and the acts with their progress and result. Nothing is deleted
 * before the act is signed.
 */
export function DisposalSection() {
  const { t, locale } = useI18n();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newKey());
  const pager = useCursorPager();
  const due = useLoad(() => disposalPreview(), []);
  const acts = useLoad(() => listDisposalActs(pager.cursor), [pager.cursor]);

  const drawUp = async () => {
    setError(null);
    setMessage(undefined);
    setBusy(true);
    try {
      const act = await drawUpDisposalAct(comment.trim() || undefined, key.current);
      key.current = newKey();
      setComment('');
      setMessage(t('archive.disposal.drawnUp', { number: act.number ?? '' }));
      due.reload();
      acts.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const cancel = async (act: DisposalAct) => {
    const reason = window.prompt(t('archive.disposal.cancelReason'));
    if (!reason?.trim()) return;
    setError(null);
    try {
      await cancelDisposalAct(act, reason.trim());
      acts.reload();
      due.reload();
    } catch (err) {
      setError(err);
    }
  };

  const cases = due.data?.cases ?? [];
  const rows = acts.data?.items ?? [];
  return (
    <>
      <section aria-labelledby="archive-disposal">
        <h2 id="archive-disposal">{t('archive.disposal.title')}</h2>
        <p className="hint">{t('archive.disposal.hint')}</p>
        <ProblemAlert error={error ?? due.error} />
        {cases.length === 0 ? (
          <p data-testid="disposal-none">{t('archive.disposal.none')}</p>
        ) : (
          <Table
            caption={t('archive.disposal.dueCaption', { count: due.data?.documents ?? 0 })}
            headers={[
              t('archive.caseFile'),
              t('archive.year'),
              t('archive.disposal.period'),
              t('archive.disposal.endedOn'),
              t('archive.disposal.documents'),
            ]}
          >
            {cases.map((c, i) => (
              <tr key={`${c.nomenclatureId ?? '-'}:${c.closedYear}:${i}`}>
                <td>{c.index ? `${c.index} ${c.name ? pickText(c.name, locale) : ''}` : '—'}</td>
                <td>{c.closedYear}</td>
                <td>{t('archive.years', { years: c.retentionYears })}</td>
                <td>{formatDate(c.retainedThrough)}</td>
                <td>{c.documents}</td>
              </tr>
            ))}
          </Table>
        )}
        {due.data?.more ? <p className="hint">{t('archive.disposal.more')}</p> : null}
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            void drawUp();
          }}
        >
          <TextField
            name="disposalComment"
            label={t('archive.disposal.comment')}
            value={comment}
            onChange={setComment}
          />
          <div className="row-actions">
            <button type="submit" disabled={busy || cases.length === 0}>
              {t('archive.disposal.drawUp')}
            </button>
          </div>
        </form>
        <StatusMessage message={message} />
      </section>

      <ListSection
        id="archive-disposal-acts"
        title={t('archive.disposal.acts')}
        load={acts}
        empty={rows.length === 0}
      >
        <div className="row-actions">
          <button type="button" className="small" onClick={() => acts.reload()}>
            {t('archive.refresh')}
          </button>
        </div>
        {rows.length > 0 ? (
          <Table
            caption={t('archive.disposal.acts')}
            headers={[
              t('archive.number'),
              t('archive.disposal.drawnOn'),
              t('archive.disposal.listed'),
              t('archive.result'),
              t('archive.disposal.actions'),
            ]}
          >
            {rows.map((a) => (
              <tr key={a.id} data-testid={`disposal-act-${a.id}`}>
                <td>
                  {a.documentId ? (
                    <Link href={`/documents/view/?id=${a.documentId}`}>{a.number ?? '—'}</Link>
                  ) : (
                    (a.number ?? '—')
                  )}
                </td>
                <td>{formatDate(a.cutoff)}</td>
                <td>
                  {t('archive.disposal.listedCounts', {
                    cases: a.cases.length,
                    documents: a.documentIds.length,
                  })}
                </td>
                <td>
                  <span data-testid="disposal-status">{t(`archive.disposal.statuses.${a.status}`)}</span>
                  {a.status === 'executing' && a.progress ? (
                    <progress
                      max={a.progress.total}
                      value={a.progress.done}
                      aria-label={t('archive.disposal.progress')}
                    />
                  ) : null}
                  {a.result ? (
                    <p className="small">
                      {t('archive.disposal.resultCounts', {
                        disposed: a.result.disposed,
                        skipped: a.result.skipped.length,
                        locked: a.result.lockedCopies,
                      })}
                    </p>
                  ) : null}
                  {a.cancelReason ? (
                    <p className="small wrap-anywhere">
                      {a.cancelReason === 'listing_changed'
                        ? t('archive.disposal.listingChanged')
                        : a.cancelReason}
                    </p>
                  ) : null}
                </td>
                <td>
                  {a.status === 'approval' || a.status === 'drawn-up' ? (
                    <button type="button" className="small" onClick={() => void cancel(a)}>
                      {t('archive.disposal.cancel')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
        <Pager label={t('archive.disposal.actsPager')} pager={pager} nextCursor={acts.data?.nextCursor} />
      </ListSection>
    </>
  );
}
