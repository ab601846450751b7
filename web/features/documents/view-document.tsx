'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { DocumentCardView, cardTabs, type CardTab } from './card/document-card';
import { Loading } from '../../ui/loading';
import { isUuid } from './api';
import { useI18n } from '../../lib/i18n';

/** `/documents/view/?id=<document id>[&tab=contents|route|execution|links|operations]` */
function ViewDocument() {
  const { t } = useI18n();
  const params = useSearchParams();
  const id = params.get('id');
  const tab = params.get('tab');
  if (!isUuid(id)) {
    return (
      <>
        <h1>{t('doc.card.title')}</h1>
        <p className="notice">{t('doc.card.notFound')}</p>
      </>
    );
  }
  const initialTab = (cardTabs as readonly string[]).includes(tab ?? '') ? (tab as CardTab) : undefined;
  return <DocumentCardView key={id} id={id} initialTab={initialTab} />;
}

export function ViewDocumentPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ViewDocument />
    </Suspense>
  );
}
