'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { PrintCard } from './print-card';
import { Loading } from '../../../ui/loading';
import { isUuid } from '../api';
import { useI18n } from '../../../lib/i18n';

/** `/documents/print/?id=<document id>`: the printable registration card. */
function PrintDocument() {
  const { t } = useI18n();
  const id = useSearchParams().get('id');
  if (!isUuid(id)) {
    return (
      <>
        <h1>{t('doc.print.title')}</h1>
        <p className="notice">{t('doc.card.notFound')}</p>
      </>
    );
  }
  return <PrintCard key={id} id={id} />;
}

export function PrintDocumentPage() {
  return (
    <Suspense fallback={<Loading />}>
      <PrintDocument />
    </Suspense>
  );
}
