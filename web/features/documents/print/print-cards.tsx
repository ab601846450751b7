'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { ApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useLoad } from '../../../lib/use-load';
import { Loading } from '../../../ui/loading';
import { ProblemAlert } from '../../../ui/fields';
import { getDocument, getTenant, isUuid } from '../api';
import { resolver, useLookups } from '../form/lookups';
import type { DocumentCard } from '../types';
import { CardSheet } from './print-card';
import './print.css';

/** The most cards one printout holds (a list selection; the group operations' limit). */
const MAX_CARDS = 100;

/**
 * Loads the selected documents one after another (the order selected); a document the caller may
 * not see (404) is named among the missing ones instead of failing the printout.
 */
async function loadCards(ids: string[]) {
  const [tenant, ...docs] = await Promise.all([
    getTenant(),
    ...ids.map((id) =>
      getDocument(id).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }),
    ),
  ]);
  return {
    tenant,
    cards: docs.filter((d): d is DocumentCard => d !== undefined),
    missing: ids.filter((_, i) => docs[i] === undefined),
  };
}

function Cards({ ids }: { ids: string[] }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => loadCards(ids), [ids.join(',')]);
  const lookups = useLookups();
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ProblemAlert error={loaded.error} />;
  const { tenant, cards, missing } = loaded.data;
  const names = resolver(lookups.data, locale);
  return (
    <>
      <div className="doc-print-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('doc.print.print')}
        </button>
        <span role="status">{t('doc.print.cardsCount', { count: cards.length })}</span>
      </div>
      {missing.length ? (
        <p className="notice doc-print-toolbar">{t('doc.print.missing', { count: missing.length })}</p>
      ) : null}
      <div className="doc-print-cards">
        {cards.map((doc) => (
          <CardSheet key={doc.id} doc={doc} tenant={tenant} names={names} />
        ))}
      </div>
    </>
  );
}

/** `/documents/print-cards/?ids=a,b,c`: the registration cards of a selection, one per page. */
function PrintCards() {
  const { t } = useI18n();
  const ids = [...new Set((useSearchParams().get('ids') ?? '').split(',').filter(isUuid))].slice(
    0,
    MAX_CARDS,
  );
  if (ids.length === 0) {
    return (
      <>
        <h1>{t('doc.print.cardsTitle')}</h1>
        <p className="notice">{t('doc.card.notFound')}</p>
      </>
    );
  }
  return <Cards ids={ids} />;
}

export function PrintCardsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <PrintCards />
    </Suspense>
  );
}
