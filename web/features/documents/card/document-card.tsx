'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { getDocument } from '../api';
import type { DocumentCard } from '../types';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useLoad } from '../../../lib/use-load';
import { ProblemAlert } from '../../../ui/fields';
import { Loading } from '../../../ui/loading';
import { DocumentForm, listPathOf } from '../form/document-form';
import { formatDateTime } from '../../../lib/dates';
import { resolver, useLookups } from '../form/lookups';
import { CardActions } from './actions';
import { ContentsTab } from './contents-tab';
import { ExecutionTab } from '../../execution/execution-tab';
import { statusLabel } from '../labels';
import { LinksTab } from './links-tab';
import { MainTab } from './main-tab';
import { OperationsTab } from './operations-tab';
import { ApprovalRouteTab } from '../../approval/route-tab';
import { Tabs } from '../../../ui/tabs';
import './card.css';

export const cardTabs = ['main', 'contents', 'route', 'execution', 'links', 'operations'] as const;
export type CardTab = (typeof cardTabs)[number];

/** The document card: header, the operations its status allows, and the tabs of the brochure. */
export function DocumentCardView({ id, initialTab }: { id: string; initialTab?: CardTab }) {
  const { t, locale } = useI18n();
  const { hasRole } = useSession();
  const loaded = useLoad(() => getDocument(id), [id]);
  const lookups = useLookups();
  const [doc, setDoc] = useState<DocumentCard>();
  const [tab, setTab] = useState<CardTab>(initialTab ?? 'main');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (loaded.data) setDoc(loaded.data);
  }, [loaded.data]);

  const refresh = () =>
    // The answer of an operation has no allowedOperations: read the card again.
    getDocument(id)
      .then(setDoc)
      .catch(() => loaded.reload());

  if (loaded.loading && !doc) return <Loading />;
  if (!doc) {
    const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <>
        <h1>{t('doc.card.title')}</h1>
        {notFound ? (
          <p className="notice">{t('doc.card.notFound')}</p>
        ) : (
          <ProblemAlert error={loaded.error} />
        )}
      </>
    );
  }

  const names = resolver(lookups.data, locale);
  const number = doc.registration?.number;
  const heading = number
    ? t('doc.card.heading', { kind: t(`doc.kinds.${doc.kind}`), number })
    : t('doc.card.headingDraft', { kind: t(`doc.kinds.${doc.kind}`) });

  return (
    <article className="doc-card" aria-labelledby="doc-card-title">
      <p className="doc-breadcrumb">
        <Link href={listPathOf[doc.kind]}>{t(`doc.lists.${doc.kind}`)}</Link>
      </p>
      <h1 id="doc-card-title" ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <dl className="doc-header">
        <div>
          <dt>{t('doc.fields.registeredAt')}</dt>
          <dd>{doc.registration ? formatDateTime(doc.registration.at) : '—'}</dd>
        </div>
        <div>
          <dt>{t('common.status')}</dt>
          <dd>
            <span className={`doc-status doc-status-${doc.status}`} data-testid="document-status">
              {statusLabel(t, doc.status)}
            </span>
          </dd>
        </div>
        <div className="doc-header-summary">
          <dt>{t('doc.fields.summary')}</dt>
          <dd>{doc.summary}</dd>
        </div>
      </dl>

      {editing ? (
        <section className="editor-panel doc-edit" aria-labelledby="doc-edit-title">
          <h2 id="doc-edit-title">{t('doc.edit.title')}</h2>
          <DocumentForm
            kind={doc.kind}
            document={doc}
            onCancel={() => {
              setEditing(false);
              headingRef.current?.focus();
            }}
            onReload={() => {
              setEditing(false);
              void refresh();
            }}
            onSaved={() => {
              setEditing(false);
              setSaved(t('form.savedPlain'));
              void refresh();
              headingRef.current?.focus();
            }}
          />
        </section>
      ) : (
        <>
          <CardActions
            doc={doc}
            onEdit={() => {
              setSaved('');
              setEditing(true);
            }}
            onDone={refresh}
            onReload={() => void refresh()}
          >
            {doc.kind === 'incoming' && hasRole('clerk') ? (
              <Link
                className="button-link"
                href={`/documents/new/?kind=outgoing&replyTo=${encodeURIComponent(doc.id)}`}
              >
                {t('doc.card.prepareReply')}
              </Link>
            ) : null}
            {doc.kind === 'incoming' || doc.kind === 'internal' ? (
              <Link
                className="button-link"
                href={`/documents/new/?kind=internal&answers=${encodeURIComponent(doc.id)}`}
              >
                {t('doc.card.prepareInternalReply')}
              </Link>
            ) : null}
            <Link className="button-link" href={`/documents/print/?id=${encodeURIComponent(doc.id)}`}>
              {t('doc.card.printCard')}
            </Link>
          </CardActions>
          <div role="status" aria-live="polite">
            {saved ? <p className="alert alert-success">{saved}</p> : null}
          </div>
          <ProblemAlert error={lookups.error} />
          <Tabs
            label={t('doc.tabs.label')}
            selected={tab}
            onSelect={(v) => setTab(v as CardTab)}
            tabs={[
              { id: 'main', label: t('doc.tabs.main'), render: () => <MainTab doc={doc} names={names} /> },
              {
                id: 'contents',
                label: t('doc.tabs.contents'),
                render: () => <ContentsTab doc={doc} names={names} onChanged={() => void refresh()} />,
              },
              {
                id: 'route',
                label: t('doc.tabs.route'),
                render: () => <ApprovalRouteTab doc={doc} names={names} onChanged={() => void refresh()} />,
              },
              {
                id: 'execution',
                label: t('doc.tabs.execution'),
                render: () => (
                  <ExecutionTab
                    doc={doc}
                    names={names}
                    lookups={lookups.data}
                    onChanged={() => void refresh()}
                  />
                ),
              },
              {
                id: 'links',
                label: t('doc.tabs.links'),
                render: () => <LinksTab doc={doc} onChanged={() => void refresh()} />,
              },
              {
                id: 'operations',
                label: t('doc.tabs.operations'),
                render: () => <OperationsTab doc={doc} names={names} />,
              },
            ]}
          />
        </>
      )}
    </article>
  );
}
