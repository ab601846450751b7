'use client';

import type { CardTabProps } from '../documents/card/tab';
import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentCard } from '../documents/types';
import { getExecution, type Assignment, type ExecutionView } from '../execution/api';
import { formatDate } from '../../lib/format';
import { useBusyAction } from '../../lib/use-busy';
import { useI18n } from '../../lib/i18n';
import {
  getApprovalRoute,
  listApprovalRouteTemplates,
  loadRoutePeople,
  routeSettled,
  startApprovalRoute,
  updateApprovalRoute,
  type ApprovalRoute,
  type ApprovalPeople,
  type ApprovalStep,
  type ApprovalRouteView,
  type StepAssignee,
} from './api';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { DecisionChoices, DecisionForm } from '../../ui/decision-form';
import { fieldErrorsOf, FormActions, ProblemAlert, SelectField, StatusMessage } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { deadlineText, draftsOf, participantKey, participantLabel, stagesOf } from './model';
import { StageEditor } from './stage-editor';
import { formatDateTime } from '../../lib/dates';
import type { Resolver } from '../documents/form/lookups';
import { ActionForm } from '../execution/action-form';
import { tr } from '../documents/labels';

type Decision = 'approve' | 'sign' | 'reject';
const decisionOrder: Decision[] = ['approve', 'sign', 'reject'];

/** What is open on the tab: the route editor, the resubmission form, or one decision form. */
type Open =
  { kind: 'edit' } | { kind: 'resubmit' } | { kind: 'decide'; assignmentId: string; action: Decision };

interface Loaded {
  view: ApprovalRouteView;
  execution: ExecutionView;
}

async function loadRoute(documentId: string): Promise<Loaded> {
  const [view, execution] = await Promise.all([getApprovalRoute(documentId), getExecution(documentId)]);
  return { view, execution };
}

/** How many times the tab reads the route again while the route machine prepares the next step. */
const MAX_POLLS = 60;
const POLL_MS = 750;

/** A stage's state from its steps (a stage of a sequential mode has one step per person). */
function stageState(steps: ApprovalStep[]): ApprovalStep['state'] | undefined {
  if (steps.length === 0) return undefined;
  if (steps.some((s) => s.state === 'rejected')) return 'rejected';
  if (steps.every((s) => s.state === 'done')) return 'done';
  if (steps.some((s) => s.state === 'active' || s.state === 'done')) return 'active';
  return 'waiting';
}

/** The route editor: a template's stages to start from, then the shared stage editor. */
function ApprovalRouteEditor({
  doc,
  view,
  people,
  onSaved,
  onCancel,
  onReload,
}: {
  doc: DocumentCard;
  view: ApprovalRouteView;
  people: ApprovalPeople | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const templates = useLoad(listApprovalRouteTemplates, []);
  const [drafts, setDrafts] = useState(() => draftsOf(view.route?.stages));
  const [templateId, setTemplateId] = useState(view.route?.templateId ?? '');
  const [pick, setPick] = useState('');
  const [copied, setCopied] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  const forKind = (templates.data ?? []).filter((x) => x.kinds.includes(doc.kind));
  const copy = () => {
    const chosen = forKind.find((x) => x.id === pick);
    if (!chosen) return;
    setDrafts(draftsOf(chosen.stages));
    setTemplateId(chosen.id);
    setErrors({});
    setCopied(t('route.editor.copied', { name: chosen.name }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setError(null);
    setCopied('');
    const { stages, errors: clientErrors } = stagesOf(drafts, t);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;
    setSaving(true);
    try {
      await updateApprovalRoute(doc.id, {
        version: view.documentVersion,
        ...(templateId ? { templateId } : {}),
        stages,
      });
      onSaved(t('route.done.saved'));
    } catch (err) {
      setError(err);
      setErrors(fieldErrorsOf(err) as Record<string, string>);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="editor-panel route-edit" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} ref={headingRef} tabIndex={-1}>
        {t('route.editor.title')}
      </h3>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row route-add-row">
          <SelectField
            label={t('route.editor.template')}
            name="template"
            value={pick}
            onChange={setPick}
            options={forKind.map((x) => ({ value: x.id, label: x.name }))}
            emptyLabel={t('common.choose')}
          />
          <button type="button" disabled={!pick} onClick={copy}>
            {t('route.editor.copy')}
          </button>
        </div>
        <p className="hint route-hint">{t('route.editor.copyHint')}</p>
        <ProblemAlert error={templates.error} />
        <StatusMessage message={copied} />
        <StageEditor value={drafts} onChange={setDrafts} errors={errors} people={people} headingLevel={4} />
        <ProblemAlert error={error} onReload={onReload} />
        {Object.keys(errors).length > 0 && !error ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{t('errors.checkFields')}</p>
          </div>
        ) : null}
        <FormActions busy={saving} onCancel={onCancel} />
      </form>
    </section>
  );
}

/** Resubmission after a rejection: what was corrected (optional), then a new round. */
function ResubmitForm({
  doc,
  view,
  onDone,
  onCancel,
  onReload,
}: {
  doc: DocumentCard;
  view: ApprovalRouteView;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  return (
    <DecisionForm
      title={t('route.actions.resubmit')}
      workingLabel={t('doc.card.working')}
      explanation={t('route.explain.resubmit')}
      text={{ label: t('route.fields.resubmitComment'), name: 'comment' }}
      onSubmit={async (comment) => {
        await startApprovalRoute(doc.id, {
          version: view.documentVersion,
          ...(comment ? { comment } : {}),
        });
        onDone(t('route.done.resubmitted'));
      }}
      onCancel={onCancel}
      onReload={onReload}
    />
  );
}

/** A person of a step: a decision's line once the step started, the bare official before. */
type PersonLine = Partial<Omit<StepAssignee, 'employeeId'>> & { employeeId: string };

/** One person of a step: the official, who holds the task now, the decision, and the caller's buttons. */
function StepPerson({
  a,
  task,
  step,
  names,
  open,
  busy,
  onOpen,
  renderForm,
}: {
  a: PersonLine;
  task: Assignment | undefined;
  step: ApprovalStep;
  names: Resolver;
  open: Open | undefined;
  busy: boolean;
  onOpen: (open: Open | undefined) => void;
  renderForm: (task: Assignment, action: Decision) => React.ReactNode;
}) {
  const { t } = useI18n();
  const { state: session } = useSession();
  const me = session.status === 'authenticated' ? session.me.employee.id : undefined;
  const name = names.employee(a.employeeId);
  // Another participant's rejection ended the step: the others' tasks were withdrawn undecided.
  const outcome =
    a.status === 'pending' && (step.state === 'rejected' || task?.status === 'withdrawn')
      ? 'withdrawn'
      : a.status;
  const decided = outcome !== undefined && outcome !== 'pending';
  const status =
    outcome === undefined
      ? t('route.decisions.waiting')
      : tr(t, `route.decisions.${outcome === 'done' ? `done-${step.kind}` : outcome}`, outcome);
  const holder = task && task.assigneeId !== task.ownerId ? task.assigneeId : undefined;
  const decidedBy = a.decidedBy && a.decidedBy !== a.employeeId ? a.decidedBy : undefined;
  const actions = decisionOrder.filter((x) => task?.actions.includes(x));
  const isOpen = (x: Decision) =>
    open?.kind === 'decide' && open.assignmentId === task?.id && open.action === x;
  const opened = actions.find(isOpen);
  return (
    <li className="route-person" data-testid="route-person">
      <div className="route-person-head">
        <span className="exec-person">{name}</span>
        {holder && !decided ? (
          <span className="exec-substitute">
            {t('exec.tree.actingFor', { name: names.employee(holder) })}
          </span>
        ) : null}
        <span className={`pill route-decision-${outcome ?? 'waiting'}`}>
          <span className="visually-hidden">{t('route.steps.decision')}: </span>
          {status}
        </span>
        {a.decidedAt ? <span className="muted small">{formatDateTime(a.decidedAt)}</span> : null}
        {decidedBy ? (
          <span className="exec-substitute">
            {t('route.steps.decidedBy', { name: names.employee(decidedBy), official: name })}
          </span>
        ) : null}
      </div>
      {a.comment ? (
        <p className="route-comment">
          {t('route.steps.comment')}: {a.comment}
        </p>
      ) : null}
      {task ? (
        <DecisionChoices
          label={t('exec.tree.actionsFor', { name })}
          choices={actions.map((x) => ({
            value: x,
            label: t(`exec.actions.${x}`),
            secondary: x === 'reject',
          }))}
          open={opened}
          busy={busy}
          onToggle={(x) => onOpen(x ? { kind: 'decide', assignmentId: task.id, action: x } : undefined)}
        />
      ) : null}
      {task && opened ? renderForm(task, opened) : null}
      {task?.kind === 'task' &&
      task.status === 'pending' &&
      me &&
      (task.assigneeId === me || task.ownerId === me) ? (
        <p className="hint">{t('route.steps.writeResolution')}</p>
      ) : null}
    </li>
  );
}

/** The stages of the route in order; once started, each step with its people and their decisions. */
function Stages({
  route,
  tasks,
  people,
  names,
  open,
  busy,
  onOpen,
  renderForm,
}: {
  route: ApprovalRoute;
  tasks: Map<string, Assignment>;
  people: ApprovalPeople | undefined;
  names: Resolver;
  open: Open | undefined;
  busy: boolean;
  onOpen: (open: Open | undefined) => void;
  renderForm: (task: Assignment, action: Decision) => React.ReactNode;
}) {
  const { t, locale } = useI18n();
  const started = route.steps.length > 0;
  return (
    <ol className="route-stages">
      {route.stages.map((stage, i) => {
        const steps = route.steps.filter((s) => s.stage === i);
        const state = started ? stageState(steps) : undefined;
        return (
          <li
            key={i}
            className={`state-panel route-stage${state ? ` route-state-${state}` : ''}`}
            data-testid="route-stage"
          >
            <h4 className="route-stage-title">
              {t('route.stageTitle', {
                n: i + 1,
                kind: t(`route.kinds.${stage.kind}`),
                mode: t(`route.modesShort.${stage.mode}`),
              })}
            </h4>
            <p className="route-stage-meta">
              {t('route.fields.deadline')}: {deadlineText(t, stage)}
              {state ? (
                <>
                  {' · '}
                  {t('route.steps.state')}: <strong>{t(`route.stepStates.${state}`)}</strong>
                </>
              ) : null}
            </p>
            {!started ? (
              <>
                <p className="exec-label">{t('route.fields.participants')}</p>
                <ul className="plain">
                  {stage.participants.map((p) => (
                    <li key={participantKey(p)}>
                      {participantLabel(p, people, locale, t)}{' '}
                      <span className="badge">
                        {t(
                          'positionId' in p ? 'route.participants.byPosition' : 'route.participants.byPerson',
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              steps.map((step, k) => (
                <div key={k} className="route-step">
                  {steps.length > 1 || step.dueDate || step.endedAt ? (
                    <p className="route-step-head">
                      {steps.length > 1 ? (
                        <span>
                          {t('route.steps.step', { n: k + 1 })}: {t(`route.stepStates.${step.state}`)}
                        </span>
                      ) : null}
                      {step.dueDate ? (
                        <span>
                          {t('route.steps.dueDate')}: {formatDate(step.dueDate)}
                        </span>
                      ) : null}
                      {step.endedAt ? (
                        <span>
                          {t('route.steps.endedAt')}: {formatDateTime(step.endedAt)}
                        </span>
                      ) : null}
                    </p>
                  ) : null}
                  <ul className="route-people">
                    {(step.assignees.length > 0
                      ? (step.assignees as PersonLine[])
                      : step.employeeIds.map((employeeId): PersonLine => ({ employeeId }))
                    ).map((a) => (
                      <StepPerson
                        key={a.assignmentId ?? a.employeeId}
                        a={a}
                        task={a.assignmentId ? tasks.get(a.assignmentId) : undefined}
                        step={step}
                        names={names}
                        open={open}
                        busy={busy}
                        onOpen={onOpen}
                        renderForm={renderForm}
                      />
                    ))}
                  </ul>
                </div>
              ))
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Viza: the document's route (marşrut) — the template it came from, its state and round, a
 * rejection with its reason, the stages in order and, once started, every person's decision.
 * The author (or the registry office, the head) edits the stages and starts or resubmits it; each
 * participant decides their own task here (approve, sign, reject with a reason).
 */
export function ApprovalRouteTab({ doc, names, onChanged }: CardTabProps) {
  const { t } = useI18n();
  const loaded = useLoad(() => loadRoute(doc.id), [doc.id, doc.version]);
  const people = useLoad(loadRoutePeople, []);
  const [open, setOpen] = useState<Open>();
  const { busy, error, setError, message, setMessage, run } = useBusyAction();
  const [polls, setPolls] = useState(0);
  // After an action the card reads itself again once the route machine has caught up.
  const refreshCard = useRef(false);
  const changed = useRef(onChanged);
  changed.current = onChanged;
  const editButton = useRef<HTMLButtonElement>(null);

  const data = loaded.data;
  const settled = routeSettled(data?.view.route);
  const { reload } = loaded;

  useEffect(() => {
    if (!data || loaded.loading) return;
    if (settled) {
      setPolls(0);
      if (refreshCard.current) {
        refreshCard.current = false;
        changed.current();
      }
      return;
    }
    // The machine has not made the next step's tasks yet: read the route again shortly.
    if (polls >= MAX_POLLS) return;
    const timer = window.setTimeout(() => {
      setPolls((n) => n + 1);
      reload();
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [data, loaded.loading, settled, polls, reload]);

  const done = (text: string) => {
    setOpen(undefined);
    setMessage(text);
    setError(null);
    setPolls(0);
    refreshCard.current = true;
    reload();
  };
  const reloadAll = () => {
    setError(null);
    setOpen(undefined);
    reload();
    onChanged();
  };

  const start = async () => {
    if (!data) return;
    await run(async () => {
      await startApprovalRoute(doc.id, { version: data.view.documentVersion });
      done(t('route.done.started'));
    });
  };

  if (!data) {
    return (
      <>
        <h2>{t('route.heading')}</h2>
        {loaded.loading ? <Loading /> : null}
        <ProblemAlert error={loaded.error} onReload={reload} />
      </>
    );
  }

  const { view, execution } = data;
  const route = view.route;
  const tasks = new Map(execution.assignments.map((a) => [a.id, a]));
  const canEdit = view.actions.includes('edit');
  const canStart = view.actions.includes('start');
  const rejected = route?.state === 'rejected';
  const renderForm = (task: Assignment, action: Decision) => (
    <ActionForm
      doc={doc}
      view={execution}
      a={task}
      action={action}
      level={5}
      onDone={done}
      onCancel={() => setOpen(undefined)}
      onReload={reloadAll}
    />
  );

  return (
    <>
      <h2>{t('route.heading')}</h2>
      <StatusMessage message={message} />
      <ProblemAlert error={error ?? loaded.error} onReload={reloadAll} />
      <div className="status" role="status" aria-live="polite">
        {!settled ? (
          <p className="route-waiting">
            {polls >= MAX_POLLS ? t('route.waitingLong') : t('route.waiting')}{' '}
            {polls >= MAX_POLLS ? (
              <button type="button" className="link-button" onClick={reloadAll}>
                {t('form.reload')}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>

      {route ? (
        <dl className="route-facts">
          <div>
            <dt>{t('route.fields.template')}</dt>
            <dd data-testid="route-template">{route.templateName ?? t('route.ownRoute')}</dd>
          </div>
          <div>
            <dt>{t('route.fields.state')}</dt>
            <dd data-testid="route-state">{t(`route.states.${route.state}`)}</dd>
          </div>
          {route.round > 0 ? (
            <div>
              <dt>{t('route.fields.round')}</dt>
              <dd data-testid="route-round">{route.round}</dd>
            </div>
          ) : null}
          {route.startedAt ? (
            <div>
              <dt>{t('route.fields.startedAt')}</dt>
              <dd>{formatDateTime(route.startedAt)}</dd>
            </div>
          ) : null}
          {route.completedAt ? (
            <div>
              <dt>{t('route.fields.completedAt')}</dt>
              <dd>{formatDateTime(route.completedAt)}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p>{t('route.none')}</p>
      )}
      {route?.state === 'draft' ? <p className="hint">{t('route.draftHint')}</p> : null}

      {route?.rejection ? (
        <section
          className="route-rejection"
          aria-labelledby="route-rejection-title"
          data-testid="route-rejection"
        >
          <h3 id="route-rejection-title">{t('route.rejection.title')}</h3>
          <p>
            {t('route.rejection.by', {
              name: names.employee(route.rejection.by),
              at: formatDateTime(route.rejection.at),
            })}
            {route.rejection.onBehalfOf
              ? ` ${t('exec.tree.onBehalfOf', { name: names.employee(route.rejection.onBehalfOf) })}`
              : ''}
          </p>
          <p>
            <strong>{t('route.rejection.reason')}:</strong> {route.rejection.comment}
          </p>
          {canStart ? <p>{t('route.rejection.next')}</p> : null}
        </section>
      ) : null}

      {canEdit || canStart ? (
        <div className="toolbar">
          {canEdit ? (
            <button
              ref={editButton}
              type="button"
              className={canStart ? 'secondary' : 'primary'}
              aria-expanded={open?.kind === 'edit'}
              disabled={busy}
              onClick={() => {
                setMessage('');
                setOpen(open?.kind === 'edit' ? undefined : { kind: 'edit' });
              }}
            >
              {route ? t('route.actions.edit') : t('route.actions.create')}
            </button>
          ) : null}
          {canStart && open?.kind !== 'edit' ? (
            rejected ? (
              <button
                type="button"
                className="primary"
                aria-expanded={open?.kind === 'resubmit'}
                disabled={busy}
                onClick={() => {
                  setMessage('');
                  setOpen(open?.kind === 'resubmit' ? undefined : { kind: 'resubmit' });
                }}
              >
                {t('route.actions.resubmit')}
              </button>
            ) : (
              <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
                {busy ? t('doc.card.working') : t('route.actions.start')}
              </button>
            )
          ) : null}
        </div>
      ) : null}

      {open?.kind === 'edit' ? (
        <ApprovalRouteEditor
          doc={doc}
          view={view}
          people={people.data}
          onSaved={done}
          onCancel={() => {
            setOpen(undefined);
            editButton.current?.focus();
          }}
          onReload={reloadAll}
        />
      ) : null}
      {open?.kind === 'resubmit' ? (
        <ResubmitForm
          doc={doc}
          view={view}
          onDone={done}
          onCancel={() => setOpen(undefined)}
          onReload={reloadAll}
        />
      ) : null}
      <ProblemAlert error={people.error} />

      {route && route.stages.length > 0 ? (
        <>
          <h3>{t('route.stagesHeading')}</h3>
          <Stages
            route={route}
            tasks={tasks}
            people={people.data}
            names={names}
            open={open}
            busy={busy}
            onOpen={(next) => {
              setMessage('');
              setOpen(next);
            }}
            renderForm={renderForm}
          />
        </>
      ) : null}
    </>
  );
}
