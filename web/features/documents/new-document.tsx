'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { DocumentForm } from './form/document-form';
import { Loading } from '../../ui/loading';
import { isDocumentKind, isUuid } from './api';
import { documentKinds } from './types';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';

/** `/documents/new/?kind=incoming|outgoing|internal|order` (replies: `&replyTo=`, `&answers=`). */
function NewDocument() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const params = useSearchParams();
  const kind = params.get('kind');
  const replyTo = params.get('replyTo') ?? undefined;
  const answers = params.get('answers') ?? undefined;

  if (!isDocumentKind(kind)) {
    return (
      <>
        <h1>{t('doc.new.chooseTitle')}</h1>
        <ul className="card-grid">
          {documentKinds.map((k) => (
            <li key={k} className="card">
              <Link href={`/documents/new/?kind=${k}`}>{t(`doc.new.title.${k}`)}</Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  // Incoming mail is registered by the registry office (the API refuses others too).
  if (kind === 'incoming' && !hasRole('clerk')) {
    return (
      <>
        <h1>{t(`doc.new.title.${kind}`)}</h1>
        <p className="notice">{t('doc.new.clerksOnly')}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t(`doc.new.title.${kind}`)}</h1>
      <p className="lead">{t(`doc.new.lead.${kind}`)}</p>
      <DocumentForm
        key={`${kind}:${replyTo ?? ''}:${answers ?? ''}`}
        kind={kind}
        replyTo={isUuid(replyTo) ? replyTo : undefined}
        answers={isUuid(answers) ? answers : undefined}
      />
    </>
  );
}

export function NewDocumentPage() {
  return (
    <Suspense fallback={<Loading />}>
      <NewDocument />
    </Suspense>
  );
}
