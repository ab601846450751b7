'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import {
  DocumentCardView,
  cardTabs,
  type CardTab,
} from '../../../../components/documents/card/document-card';
import { Loading } from '../../../../components/loading';
import { isUuid } from '../../../../lib/documents/api';
import { useI18n } from '../../../../lib/i18n';

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

export default function ViewDocumentPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ViewDocument />
    </Suspense>
  );
}
