'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { getDocument, getTenant, isUuid } from '../documents/api';
import { cardPath } from '../documents/paths';
import { DocumentUnavailable } from '../documents/unavailable';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { Loading } from '../../ui/loading';
import '../documents/print/print.css';
import './paper-stamp.css';

/**
 * Decree 935 §151: when the paper original of a document already registered electronically
 * arrives, it is stamped with the electronic registration number and date. The stamp's words are
 * Azerbaijani whatever the interface language (they go on the document); the page around them is
 * localized. Printed alone on the sheet, to be cut out or printed on a label.
 */
function PaperStamp({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => Promise.all([getDocument(id), getTenant()]), [id]);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <DocumentUnavailable title={t('paperStamp.title')} error={loaded.error} />;
  const [doc, tenant] = loaded.data;
  const reg = doc.registration;
  return (
    <>
      <div className="doc-print-toolbar">
        <h1>{t('paperStamp.title')}</h1>
      </div>
      <p className="doc-print-toolbar">{t('paperStamp.intro')}</p>
      <div className="doc-print-toolbar">
        {reg ? (
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('paperStamp.print')}
          </button>
        ) : null}
        <Link className="button-link" href={cardPath(doc.id)}>
          {t('paperStamp.back')}
        </Link>
      </div>
      {reg ? (
        <section className="paper-stamp" lang="az" aria-label={t('paperStamp.stampLabel')}>
          <p className="paper-stamp-org">{tenant.name.az}</p>
          <p className="paper-stamp-title">Elektron sənəd kimi qeydə alınıb</p>
          <p>
            Qeydiyyat nömrəsi: <strong>{reg.number}</strong>
          </p>
          <p>
            Qeydiyyat tarixi: <strong>{formatDate(reg.at)}</strong>
          </p>
        </section>
      ) : (
        <p className="notice">{t('paperStamp.unregistered')}</p>
      )}
    </>
  );
}

function PaperStampRoute() {
  const { t } = useI18n();
  const id = useSearchParams().get('id');
  if (!isUuid(id)) {
    return (
      <>
        <h1>{t('paperStamp.title')}</h1>
        <p className="notice">{t('doc.card.notFound')}</p>
      </>
    );
  }
  return <PaperStamp key={id} id={id} />;
}

/** `/documents/paper-stamp/?id=<document id>`: the §151 stamp of a document's paper original. */
export function PaperStampPage() {
  return (
    <Suspense fallback={<Loading />}>
      <PaperStampRoute />
    </Suspense>
  );
}
