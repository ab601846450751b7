'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentLookups } from '../documents/api';
import { listLinks } from '../documents/api';
import type { DocumentCard } from '../documents/types';
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
import { fieldErrorsOf, ProblemAlert, SelectField, StatusMessage, TextAreaField } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { cardPath } from '../documents/form/document-form';
import { formatDateTime, toDisplayDate } from '../../lib/dates';
import type { Resolver } from '../documents/form/lookups';
import { numberText, tr } from '../documents/labels';
import { ResolutionForm } from './resolution-form';

type Level = 3 | 4 | 5 | 6;
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
  const actions = actionOrder.filter((x) => a.actions.includes(x));
  if (actions.length === 0) return null;
  const isOpen = (x: string) =>
    tree.open?.kind === 'sub-resolution'
      ? x === 'sub-resolution' && tree.open.assignmentId === a.id
      : tree.open?.kind === 'action' && tree.open.assignmentId === a.id && tree.open.action === x;
  return (
    <div className="toolbar exec-actions" role="group" aria-label={t('exec.tree.actionsFor', { name: who })}>
      {actions.map((x) => (
        <button
          key={x}
          type="button"
          className={x === 'return' ? 'secondary' : 'primary'}
          disabled={tree.busy}
          aria-expanded={x === 'read' ? undefined : isOpen(x)}
          onClick={() => {
            if (x === 'read') return tree.onRead(a);
            if (isOpen(x)) return tree.onOpen(undefined);
            tree.onOpen(
              x === 'sub-resolution'
                ? { kind: 'sub-resolution', assignmentId: a.id }
                : { kind: 'action', assignmentId: a.id, action: x },
            );
          }}
        >
          {t(`exec.actions.${x}`)}
        </button>
      ))}
    </div>
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
      className={`exec-resolution exec-status-${r.status}`}
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
              <span className="exec-role">{t(`exec.roles.${a.role ?? 'co-executor'}`)}</span>
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
 * The form of one assignment action: a report (text, reply document), closing, acceptance or a
 * return; on the Viza tab, a route decision (approve, sign, reject with its reason).
 */
export function ActionForm({
  doc,
  view,
  a,
  action,
  level,
  onDone,
  onCancel,
  onReload,
}: {
  doc: DocumentCard;
  view: ExecutionView;
  a: Assignment;
  action: Exclude<AssignmentAction, 'read'>;
  level: Level;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const withReport = action === 'report' || action === 'close';
  // A return and a rejection say why; a report says what was done; the rest may add a comment.
  const required = withReport || action === 'return' || action === 'reject';
  const links = useLoad(() => (withReport ? listLinks(doc.id) : Promise.resolve([])), [doc.id, withReport]);
  const [text, setText] = useState('');
  const [reply, setReply] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setError(null);
    const value = text.trim();
    const field = withReport ? 'text' : 'comment';
    if (!value && required) {
      setErrors({ [field]: t('validation.required') });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await actOnAssignment(doc.id, a.id, action, {
        version: view.documentVersion,
        ...(withReport ? { text: value } : value ? { comment: value } : {}),
        ...(withReport && reply ? { replyDocumentId: reply } : {}),
      });
      onDone(t(`exec.done.${action}`));
    } catch (err) {
      setError(err);
      setErrors(fieldErrorsOf(err) as Record<string, string>);
    } finally {
      setSaving(false);
    }
  };

  // Documents linked to this one: a reply registered by the clerk shows up here by itself.
  const replies = (links.data ?? []).map((l) => ({
    value: l.document.id,
    label: `${t(`doc.kinds.${l.document.kind}`)} ${numberText(t, l.document.number)} — ${l.document.summary.slice(0, 80)}`,
  }));
  const Heading = `h${level}` as 'h3';
  return (
    <section className="editor-panel exec-form" aria-labelledby={`${formId}-title`}>
      <Heading id={`${formId}-title`} ref={headingRef} tabIndex={-1}>
        {t(`exec.actions.${action}`)}
      </Heading>
      <p>{t(`exec.explain.${action}`)}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          label={t(
            withReport
              ? 'exec.form.reportText'
              : action === 'return'
                ? 'exec.form.reason'
                : action === 'reject'
                  ? 'exec.form.rejectReason'
                  : 'exec.form.comment',
          )}
          name={withReport ? 'text' : 'comment'}
          value={text}
          onChange={setText}
          errors={errors}
          required={required}
          rows={3}
        />
        {withReport ? (
          <>
            {links.loading && !links.data ? <Loading /> : null}
            <SelectField
              label={t('exec.form.replyDocument')}
              name="replyDocumentId"
              value={reply}
              onChange={setReply}
              options={replies}
              emptyLabel={t('exec.form.noReply')}
              errors={errors}
            />
            <p className="hint exec-hint">{t('exec.form.replyHint')}</p>
          </>
        ) : null}
        <ProblemAlert error={error ?? links.error} onReload={onReload} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('doc.card.working') : t(`exec.actions.${action}`)}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
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
}: {
  doc: DocumentCard;
  names: Resolver;
  lookups: DocumentLookups | undefined;
  /** The document changed (status, version): the card reads itself again. */
  onChanged: () => void;
}) {
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
