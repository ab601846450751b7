'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { getDocument } from '../api';
import type { DocumentCard } from '../types';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useLoad } from '../../../lib/use-load';
import { ProblemAlert, StatusMessage } from '../../../ui/fields';
import { DocumentUnavailable } from '../unavailable';
import { Loading } from '../../../ui/loading';
import { listPathOf } from '../paths';
import { formatDateTime } from '../../../lib/dates';
import { resolver, useLookups } from '../form/lookups';
import { CardActions } from './actions';
import { statusLabel } from '../labels';
import { MainTab } from './main-tab';
import { PrintFileButton } from '../../signatures/print-button';
import { Tabs } from '../../../ui/tabs';
import './card.css';

// The card opens on its main tab: the other tabs and the edit form are chunks of their own,
// fetched when chosen, so that they are not in the card's first load.
const loading = () => <Loading />;
const DocumentForm = dynamic(() => import('../form/document-form').then((m) => m.DocumentForm), { loading });
const ContentsTab = dynamic(() => import('./contents-tab').then((m) => m.ContentsTab), { loading });
const ApprovalRouteTab = dynamic(() => import('../../approval/route-tab').then((m) => m.ApprovalRouteTab), {
  loading,
});
const ExecutionTab = dynamic(() => import('../../execution/execution-tab').then((m) => m.ExecutionTab), {
  loading,
});
const LinksTab = dynamic(() => import('./links-tab').then((m) => m.LinksTab), { loading });
const OperationsTab = dynamic(() => import('./operations-tab').then((m) => m.OperationsTab), { loading });

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
  if (!doc) return <DocumentUnavailable title={t('doc.card.title')} error={loaded.error} />;

  const docId = encodeURIComponent(doc.id);
  const pageLink = (href: string, label: string) => (
    <Link className="button-link" href={href}>
      {label}
    </Link>
  );
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
      {doc.confidential ? (
        <p>
          <span className="badge badge-danger" title={t('doc.card.confidentialHint')}>
            {t('doc.card.confidential')}
          </span>
        </p>
      ) : null}
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
            {doc.kind === 'incoming' && hasRole('clerk')
              ? pageLink(`/documents/new/?kind=outgoing&replyTo=${docId}`, t('doc.card.prepareReply'))
              : null}
            {doc.kind === 'incoming' || doc.kind === 'internal'
              ? pageLink(`/documents/new/?kind=internal&answers=${docId}`, t('doc.card.prepareInternalReply'))
              : null}
            {pageLink(`/documents/print/?id=${docId}`, t('doc.card.printCard'))}
            {doc.registration ? <PrintFileButton documentId={docId} /> : null}
            {doc.registration ? pageLink(`/documents/paper-stamp/?id=${docId}`, t('print.paperStamp')) : null}
          </CardActions>
          <StatusMessage message={saved} />
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
