import { BusinessRuleError } from '../../../platform/kernel/errors';
import type {
  AssignmentRecord,
  DocumentKind,
  DocumentRecord,
  ApprovalRoute,
  ApprovalParticipant,
  ApprovalStage,
  ApprovalStep,
  ApprovalRouteTemplateData,
  StageKind,
  StepAssignee,
} from '../../documents';

const rule = (code: string, path: string, message: string) =>
  new BusinessRuleError(code, message, {}, [{ path, code }]);

const participantKey = (p: ApprovalParticipant) =>
  'positionId' in p ? `position:${p.positionId}` : `employee:${p.employeeId}`;

/**
 * Checks a route's stages: at least one stage, each with participants named once, a deadline
 * either in working days or as a date (not in the past), an instruction on (and only on) an
 * execution stage, and at most one signing stage, which must come after every endorsement.
 */
export function assertStages(stages: ApprovalStage[], today: string, path = 'stages'): void {
  if (stages.length === 0) throw rule('route_stage_required', path, 'A route needs at least one stage');
  let signing = -1;
  stages.forEach((s, i) => {
    const at = `${path}.${i}`;
    if (s.participants.length === 0)
      throw rule('route_participant_required', `${at}.participants`, 'Name at least one participant');
    const keys = s.participants.map(participantKey);
    if (new Set(keys).size !== keys.length)
      throw rule('route_duplicate_participant', `${at}.participants`, 'A participant is named twice');
    if (s.deadlineDays !== undefined && s.deadlineDate !== undefined)
      throw rule('route_one_deadline', `${at}.deadlineDate`, 'Give the deadline in days or as a date');
    if (s.deadlineDate !== undefined && s.deadlineDate < today)
      throw rule('due_date_in_past', `${at}.deadlineDate`, 'The deadline is in the past');
    // An execution stage gives a resolution: its instruction is that resolution's text.
    if (s.kind === 'execution' && !s.instruction?.trim())
      throw rule(
        'route_instruction_required',
        `${at}.instruction`,
        'An execution stage needs an instruction',
      );
    if (s.kind !== 'execution' && s.instruction !== undefined)
      throw rule(
        'route_instruction_execution_only',
        `${at}.instruction`,
        'Only an execution stage has an instruction',
      );
    if (s.kind === 'signing') {
      if (signing >= 0) throw rule('route_one_signing', `${at}.kind`, 'A route has one signing stage');
      signing = i;
    }
    if (s.kind === 'endorsement' && signing >= 0)
      throw rule('route_endorse_before_signing', `${at}.kind`, 'Endorsements come before the signing');
  });
}

/** Splits stages into the steps the machine waits on (a sequential stage gives one step per person). */
export function planSteps(stages: ApprovalStage[], holders: Array<string[]>): ApprovalStep[] {
  const steps: ApprovalStep[] = [];
  stages.forEach((stage, i) => {
    const people = [...new Set(holders[i] ?? [])];
    const groups =
      stage.mode === 'parallel' || stage.kind === 'information' ? [people] : people.map((p) => [p]);
    for (const employeeIds of groups)
      steps.push({ stage: i, kind: stage.kind, employeeIds, state: 'waiting', assignees: [] });
  });
  return steps;
}

/** The template for a new document: the first one naming its classification, else the first for its kind. */
export function chooseTemplate<T extends ApprovalRouteTemplateData & { id: string }>(
  templates: T[],
  kind: DocumentKind,
  classificationId: string | undefined,
): T | undefined {
  const forKind = templates.filter((t) => t.kinds.includes(kind));
  return (
    (classificationId ? forKind.find((t) => t.classificationIds.includes(classificationId)) : undefined) ??
    forKind.find((t) => t.classificationIds.length === 0)
  );
}

/** A step is complete when every assignee approved (signed, wrote the resolution, executed). */
export function stepComplete(step: ApprovalStep): boolean {
  return (
    step.assignees.length > 0 &&
    step.assignees.every((a) => a.status !== 'pending' && a.status !== 'rejected' && a.status !== 'withdrawn')
  );
}

/** What the machine gets back when a step ends: the outcome and the next step, if any. */
export interface StepOutcome {
  outcome: 'approved' | 'rejected';
  done: boolean;
  next: number;
  nextKind: StageKind | 'none';
}

export function outcomeAfter(
  route: ApprovalRoute,
  step: number,
  outcome: 'approved' | 'rejected',
): StepOutcome {
  const next = step + 1;
  const nextStep = route.steps[next];
  return {
    outcome,
    done: outcome === 'rejected' || !nextStep,
    next,
    nextKind: nextStep?.kind ?? 'none',
  };
}

/** A route task's part in its step, from the assignment's status. */
function assigneeStatus(a: AssignmentRecord): StepAssignee['status'] {
  switch (a.status) {
    case 'approved':
      return 'approved';
    case 'signed':
      return 'signed';
    case 'rejected':
      return 'rejected';
    case 'withdrawn':
      return 'withdrawn';
    case 'done':
    case 'executed':
      return 'done';
    default:
      return 'pending';
  }
}

export interface ApprovalRouteProgress {
  route: ApprovalRoute;
  /** The step that ended with these changes, and how. */
  ended?: { step: number; outcome: 'approved' | 'rejected'; taskToken?: string };
}

/**
 * Applies changed route tasks to the running route: a rejection ends the route (back to the
 * author); the step ends when all its people are through, and the route when its last step is.
 */
export function progressRoute(
  route: ApprovalRoute,
  changed: AssignmentRecord[],
  at: string,
  comment?: string,
): ApprovalRouteProgress {
  const index = route.steps.findIndex((s) => s.state === 'active');
  const step = route.steps[index];
  if (route.state !== 'running' || !step) return { route };
  const mine = changed.filter((a) => a.routeStep === index);
  if (mine.length === 0) return { route };
  const assignees = step.assignees.map((x): StepAssignee => {
    const a = mine.find((m) => m.id === x.assignmentId);
    const status = a ? assigneeStatus(a) : x.status;
    if (!a || status === x.status) return x;
    // A withdrawn task was never decided: it only ended with the step.
    if (status === 'withdrawn') return { ...x, status };
    return {
      ...x,
      status,
      decidedAt: at,
      decidedBy: a.assigneeId,
      ...(a.comment ? { comment: a.comment } : {}),
    };
  });
  const rejectedBy = assignees.find((x) => x.status === 'rejected');
  let next: ApprovalStep = { ...step, assignees };
  const steps = [...route.steps];
  if (rejectedBy) {
    next = { ...next, state: 'rejected', endedAt: at };
    steps[index] = next;
    return {
      route: {
        ...route,
        steps,
        state: 'rejected',
        rejection: {
          by: rejectedBy.decidedBy ?? rejectedBy.employeeId,
          at,
          comment: comment ?? rejectedBy.comment ?? '',
        },
      },
      ended: { step: index, outcome: 'rejected', ...(step.taskToken ? { taskToken: step.taskToken } : {}) },
    };
  }
  if (!stepComplete(next)) {
    steps[index] = next;
    return { route: { ...route, steps } };
  }
  steps[index] = { ...next, state: 'done', endedAt: at };
  const last = index === steps.length - 1;
  return {
    route: { ...route, steps, ...(last ? { state: 'completed' as const, completedAt: at } : {}) },
    ended: { step: index, outcome: 'approved', ...(step.taskToken ? { taskToken: step.taskToken } : {}) },
  };
}

/**
 * The document operation a route step's end implies, when the document's status allows it:
 * the last endorsement agrees an order, the signature signs, a rejection returns it to the draft.
 */
export function operationAfterStep(
  route: ApprovalRoute,
  step: number,
  outcome: 'approved' | 'rejected',
): 'agree' | 'sign' | 'return' | undefined {
  if (outcome === 'rejected') return 'return';
  const kind = route.steps[step]?.kind;
  if (kind === 'signing') return 'sign';
  if (kind === 'endorsement' && !route.steps.slice(step + 1).some((s) => s.kind === 'endorsement'))
    return 'agree';
  return undefined;
}

/** The text of an execution stage's resolution when the stage has no instruction (routes stored before). */
export const DEFAULT_EXECUTION_INSTRUCTION = 'İcra üçün';

/**
 * Who gives an execution stage's resolution: the official who decided on the document before it —
 * the signer of the route's last signing step, or the official who wrote its last resolution
 * step (the official, not a substitute who acted for them) — else the official the document is
 * addressed to, else its signatory; only a route with none of them falls back to its author.
 * Never the clerk who merely started the route, when the document names anyone who decides.
 */
export function executionAuthority(
  doc: Pick<DocumentRecord, 'authorId' | 'addresseeId' | 'internal' | 'order' | 'outgoing'>,
  route: Pick<ApprovalRoute, 'steps'>,
  step: number,
): string {
  const decided = route.steps
    .slice(0, step)
    .filter((s) => (s.kind === 'signing' || s.kind === 'resolution') && s.state === 'done')
    .at(-1);
  const official = decided?.assignees.find((a) => a.status === 'signed' || a.status === 'done');
  return (
    official?.employeeId ??
    doc.addresseeId ??
    doc.internal?.signatoryId ??
    doc.order?.signatoryId ??
    doc.outgoing?.signatoryId ??
    doc.authorId
  );
}
