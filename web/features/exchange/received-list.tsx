'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { receivedStates, type ReceivedItem, type ReceivedState } from '../../api/contract';
import { formatDateTime } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { ProblemAlert } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { ListFooter, usePagedRows } from '../documents/list/list-table';
import { listReceived, receivedCardPath, receivedListPath } from './api';
import { VerificationBadgeView } from './verification';
import './exchange.css';

const isState = (value: string | null): value is ReceivedState =>
  (receivedStates as readonly string[]).includes(value ?? '');

/** The sender's number and date as one cell: "№ 12/34, 01.12.2026". */
export function SenderRequisites({ item }: { item: Pick<ReceivedItem, 'requisites'> }) {
  const { t } = useI18n();
  const { number, date } = item.requisites;
  if (!number && !date) return <span className="muted">—</span>;
  return (
    <>
      {number ? `№ ${number}` : t('exchange.queue.noNumber')}
      {date ? `, ${formatDate(date)}` : ''}
    </>
  );
}

/**
 * Elektron daxil olanlar: the agency's queue of received electronic documents by state (waiting by
 * default, in the address as `?state=`), newest first, "Daha çox" paging; each row opens its card.
 */
function ReceivedQueue() {
  const { t } = useI18n();
  const params = useSearchParams();
  const wanted = params.get('state');
  const state: ReceivedState = isState(wanted) ? wanted : 'waiting';
  const list = usePagedRows(
    (cursor, signal) => listReceived(state, cursor, signal),
    state,
    (item: ReceivedItem) => item.id,
  );
  const stateName = t(`exchange.states.${state}`);

  return (
    <>
      <h1>{t('exchange.queue.title')}</h1>
      <p className="lead">{t('exchange.queue.lead')}</p>
      <nav className="exchange-states" aria-label={t('exchange.queue.statesLabel')}>
        <ul>
          {receivedStates.map((s) => (
            <li key={s}>
              <Link href={receivedListPath(s)} aria-current={s === state ? 'page' : undefined}>
                {t(`exchange.states.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ProblemAlert error={list.error} />
      <div className="table-wrap">
        <table
          className="exchange-table"
          aria-busy={list.loading || list.loadingMore}
          data-testid="received-table"
        >
          <caption className="visually-hidden">{t('exchange.queue.caption', { state: stateName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.queue.columns.sender')}</th>
              <th scope="col">{t('exchange.queue.columns.requisites')}</th>
              <th scope="col">{t('exchange.queue.columns.summary')}</th>
              <th scope="col">{t('exchange.queue.columns.source')}</th>
              <th scope="col">{t('exchange.queue.columns.verification')}</th>
              <th scope="col">{t('exchange.queue.columns.receivedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.loaded && !list.loading && list.rows.length === 0 ? (
              <tr>
                <td colSpan={6}>{list.nextCursor ? t('docList.emptySoFar') : t('exchange.queue.empty')}</td>
              </tr>
            ) : null}
            {list.rows.map((item) => (
              <tr key={item.id} data-testid="received-row">
                <th scope="row">
                  <Link href={receivedCardPath(item.id)}>{item.sender.organizationName}</Link>
                  {item.sender.email && item.source === 'email' ? (
                    <div className="small muted">{item.sender.email}</div>
                  ) : null}
                </th>
                <td>
                  <SenderRequisites item={item} />
                </td>
                <td className="exchange-summary">{item.requisites.summary}</td>
                <td>{t(`exchange.sources.${item.source}`)}</td>
                <td>
                  {item.state === 'quarantined' && item.quarantine ? (
                    <span className="badge badge-danger">
                      {t(`exchange.quarantine.reasons.${item.quarantine.reason}`)}
                    </span>
                  ) : (
                    <VerificationBadgeView verification={item.verification} />
                  )}
                </td>
                <td>{formatDateTime(item.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter list={list} t={t} />
    </>
  );
}

export function ReceivedQueuePage() {
  return (
    <Suspense fallback={<Loading />}>
      <ReceivedQueue />
    </Suspense>
  );
}
