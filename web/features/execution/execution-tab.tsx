'use client';

import type { CardTabProps } from '../documents/card/tab';
import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import type { DocumentLookups } from '../documents/api';
import {
  actOnAssignment,
  getExecution,
  type Assignment,
  type AssignmentAction,
  type ExecutionView,
} from './api';
import { useBusyAction } from '../../lib/use-busy';
import { useI18n, type Translate } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { DecisionChoices, type HeadingLevel } from '../../ui/decision-form';
import { ProblemAlert, StatusMessage } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { cardPath } from '../documents/paths';
import { formatDateTime, toDisplayDate } from '../../lib/dates';
import type { Resolver } from '../documents/form/lookups';
import { tr } from '../documents/labels';
import { ActionForm } from './action-form';
import { ResolutionForm } from './resolution-form';

type Level = HeadingLevel;
const deeper = (level: Level): Level => Math.min(level + 1, 6) as Level;

/** What is open under the tree: one action form at a time. */
type Open =
  | { kind: 'resolution' }
  | { kind: 'sub-resolution'; assignmentId: string }
  | { kind: 'action'; assignmentId: string; action: Exclude<AssignmentAction, 'read'> };

const statusText = (t: Translate, status: string) => tr(t, `exec.status.${status}`, status);

/** Actions on an assignment, in the order a task moves. */
const actionOrder: Array<Assignment['actions'][number]> = [
  'report',
  'close',
  'sub-resolution',
  'accept',
  'return',
  'read',
];

interface TreeProps {
  view: ExecutionView;
  names: Resolver;
  open: Open | undefined;
  busy: boolean;
  onOpen: (open: Open | undefined) => void;
  onRead: (a: Assignment) => void;
  renderForm: (a: Assignment, level: Level) => React.ReactNode;
}

/** "Official" or "Official — acting: Substitute" when a substitute holds the task. */
function Holder({ a, names }: { a: Assignment; names: Resolver }) {
  const { t } = useI18n();
  return (
    <>
      <span className="exec-person">{names.employee(a.ownerId)}</span>
      {a.assigneeId !== a.ownerId ? (
        <span className="exec-substitute">
          {' '}
          {t('exec.tree.actingFor', { name: names.employee(a.assigneeId) })}
        </span>
      ) : null}
    </>
  );
}

function ActionButtons({
  a,
  tree,
  who,
}: {
  a: Assignment;
  tree: TreeProps;
  /** Whose assignment the buttons act on (the accessible name says so). */
  who: string;
}) {
  const { t } = useI18n();
  const open =
    tree.open?.kind === 'sub-resolution'
      ? tree.open.assignmentId === a.id
        ? 'sub-resolution'
        : undefined
      : tree.open?.kind === 'action' && tree.open.assignmentId === a.id
        ? tree.open.action
        : undefined;
  return (
    <DecisionChoices
      label={t('exec.tree.actionsFor', { name: who })}
      choices={actionOrder
        .filter((x) => a.actions.includes(x))
        .map((x) => ({
          value: x,
          label: t(`exec.actions.${x}`),
          secondary: x === 'return',
          immediate: x === 'read',
        }))}
      open={open}
      busy={tree.busy}
      onAct={() => tree.onRead(a)}
      onToggle={(x) => {
        if (x === undefined) return tree.onOpen(undefined);
        if (x === 'sub-resolution') return tree.onOpen({ kind: 'sub-resolution', assignmentId: a.id });
        if (x !== 'read') tree.onOpen({ kind: 'action', assignmentId: a.id, action: x });
      }}
    />
  );
}

function Reports({ a, names }: { a: Assignment; names: Resolver }) {
  const { t } = useI18n();
  if (a.reports.length === 0) return null;
  return (
    <div className="exec-reports">
      <p className="exec-label">{t('exec.tree.reports')}</p>
      <ul className="plain">
        {a.reports.map((r, i) => (
          <li key={i}>
            <span className="muted small">
              {formatDateTime(r.at)} — {names.employee(r.by)}
              {r.onBehalfOf ? ` ${t('exec.tree.onBehalfOf', { name: names.employee(r.onBehalfOf) })}` : ''}
            </span>
            <p className="doc-pre">{r.text}</p>
            {r.documentId ? (
              <p>
                {t('exec.tree.replyDocument')}:{' '}
                <Link href={cardPath(r.documentId)}>{t('exec.tree.openReply')}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One resolution with its executors, for-information recipients and, under each executor, sub-resolutions. */
function ResolutionNode({ r, level, tree }: { r: Assignment; level: Level; tree: TreeProps }) {
  const { t } = useI18n();
  const { view, names } = tree;
  const id = useId();
  const Heading = `h${level}` as 'h3';
  const children = view.assignments.filter((a) => a.parentId === r.id);
  const executors = children
    .filter((a) => a.kind === 'execution')
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'responsible' ? -1 : 1));
  const informed = children.filter((a) => a.kind === 'information');
  const author = names.employee(r.authorId);
  return (
    <section
      className={`state-panel exec-resolution exec-status-${r.status}`}
      aria-labelledby={`${id}-title`}
      data-testid="resolution"
    >
      <Heading id={`${id}-title`} className="exec-title">
        {r.parentId ? t('exec.tree.subResolution') : t('exec.tree.resolution')}: {author}
        <span className="exec-when"> — {formatDateTime(r.createdAt)}</span>
      </Heading>
      <p className="doc-pre exec-text">{r.text}</p>
      <dl className="exec-facts">
        <div>
          <dt>{t('exec.tree.status')}</dt>
          <dd>{statusText(t, r.status)}</dd>
        </div>
        <div>
          <dt>{t('exec.tree.dueDate')}</dt>
          <dd>{r.dueDate ? toDisplayDate(r.dueDate) : t('exec.tree.noDueDate')}</dd>
        </div>
        <div>
          <dt>{t('exec.tree.controller')}</dt>
          <dd>{r.controllerId ? names.employee(r.controllerId) : t('exec.tree.noController')}</dd>
        </div>
        {r.closedAt ? (
          <div>
            <dt>{t('exec.tree.closedAt')}</dt>
            <dd>{formatDateTime(r.closedAt)}</dd>
          </div>
        ) : null}
        {r.comment ? (
          <div className="exec-comment">
            <dt>{t('exec.tree.returnComment')}</dt>
            <dd>{r.comment}</dd>
          </div>
        ) : null}
      </dl>
      <ActionButtons a={r} tree={tree} who={`${t('exec.tree.resolution')}: ${author}`} />
      {tree.renderForm(r, deeper(level))}

      <p className="exec-label">{t('exec.tree.executors')}</p>
      {executors.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
      <ul className="exec-assignees">
        {executors.map((a) => (
          <li key={a.id} className={`exec-assignee exec-status-${a.status}`} data-testid="executor">
            <div className="exec-assignee-head">
              <Holder a={a} names={names} />
              <span className="pill">{t(`exec.roles.${a.role ?? 'co-executor'}`)}</span>
              <span className="exec-state">
                <span className="visually-hidden">{t('exec.tree.status')}: </span>
                {statusText(t, a.status)}
              </span>
            </div>
            {a.comment && a.status === 'returned' ? (
              <p className="exec-comment-line">
                {t('exec.tree.returnComment')}: {a.comment}
              </p>
            ) : null}
            <Reports a={a} names={names} />
            <ActionButtons a={a} tree={tree} who={names.employee(a.ownerId)} />
            {tree.renderForm(a, deeper(level))}
            {view.assignments
              .filter((s) => s.kind === 'resolution' && s.parentId === a.id)
              .map((s) => (
                <ResolutionNode key={s.id} r={s} level={deeper(level)} tree={tree} />
              ))}
          </li>
        ))}
      </ul>

      {informed.length > 0 ? (
        <>
          <p className="exec-label">{t('exec.tree.forInformation')}</p>
          <ul className="exec-assignees exec-informed">
            {informed.map((a) => (
              <li key={a.id} className={`exec-assignee exec-status-${a.status}`} data-testid="informed">
                <div className="exec-assignee-head">
                  <Holder a={a} names={names} />
                  <span className="exec-state">
                    <span className="visually-hidden">{t('exec.tree.status')}: </span>
                    {statusText(t, a.status)}
                  </span>
                </div>
                <ActionButtons a={a} tree={tree} who={names.employee(a.ownerId)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * İcra: the document's resolution tree (dərkənar → executors → sub-resolutions), what the caller
 * may do on each assignment, and the resolution form for whoever may write one.
 */
export function ExecutionTab({
  doc,
  names,
  lookups,
  onChanged,
}: CardTabProps & { lookups: DocumentLookups | undefined }) {
  const { t } = useI18n();
  const loaded = useLoad(() => getExecution(doc.id), [doc.id, doc.version]);
  const [open, setOpen] = useState<Open>();
  const { busy, error, setError, message, setMessage, run } = useBusyAction();
  const writeButton = useRef<HTMLButtonElement>(null);

  const view = loaded.data;
  const reload = () => {
    setError(null);
    loaded.reload();
    onChanged();
  };
  const done = (text: string) => {
    setOpen(undefined);
    setMessage(text);
    setError(null);
    // The card reads itself again; its new version reloads the tree.
    onChanged();
  };
  const read = async (a: Assignment) => {
    if (!view) return;
    await run(async () => {
      await actOnAssignment(doc.id, a.id, 'read', { version: view.documentVersion });
      done(t('exec.done.read'));
    });
  };

  if (!view) {
    return (
      <>
        <h2>{t('exec.tree.heading')}</h2>
        {loaded.loading ? <Loading /> : null}
        <ProblemAlert error={loaded.error} />
      </>
    );
  }

  const tree: TreeProps = {
    view,
    names,
    open,
    busy,
    onOpen: (next) => {
      setMessage('');
      setOpen(next);
    },
    onRead: (a) => void read(a),
    renderForm: (a, level) => {
      if (open?.kind === 'sub-resolution' && open.assignmentId === a.id) {
        return (
          <ResolutionForm
            documentId={doc.id}
            version={view.documentVersion}
            lookups={lookups}
            parent={a}
            headingLevel={level}
            onDone={done}
            onCancel={() => setOpen(undefined)}
            onReload={reload}
          />
        );
      }
      if (open?.kind === 'action' && open.assignmentId === a.id) {
        return (
          <ActionForm
            doc={doc}
            view={view}
            a={a}
            action={open.action}
            level={level}
            onDone={done}
            onCancel={() => setOpen(undefined)}
            onReload={reload}
          />
        );
      }
      return null;
    },
  };
  // Resolution trees only: route tasks (endorsement, signing, the resolution stage's task) are the Viza tab's.
  const top = view.assignments.filter((a) => a.kind === 'resolution' && !a.parentId);

  return (
    <>
      <h2>{t('exec.tree.heading')}</h2>
      <StatusMessage message={message} />
      <ProblemAlert error={error ?? loaded.error} onReload={reload} />
      {view.canResolve ? (
        <div className="toolbar">
          <button
            ref={writeButton}
            type="button"
            className="primary"
            aria-expanded={open?.kind === 'resolution'}
            onClick={() => {
              setMessage('');
              setOpen(open?.kind === 'resolution' ? undefined : { kind: 'resolution' });
            }}
          >
            {t('exec.resolution.write')}
          </button>
        </div>
      ) : null}
      {open?.kind === 'resolution' ? (
        <ResolutionForm
          documentId={doc.id}
          version={view.documentVersion}
          lookups={lookups}
          onDone={done}
          onCancel={() => {
            setOpen(undefined);
            writeButton.current?.focus();
          }}
          onReload={reload}
        />
      ) : null}
      {top.length === 0 ? <p>{t('exec.tree.empty')}</p> : null}
      {top.map((r) => (
        <ResolutionNode key={r.id} r={r} level={3} tree={tree} />
      ))}
    </>
  );
}
