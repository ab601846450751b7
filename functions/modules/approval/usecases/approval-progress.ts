import type { Actor } from '../../../platform/kernel/aggregate';
import type { DocumentRecord } from '../../documents';
import { allowedOperations, transition } from '../../documents';
import { operationAfterStep, outcomeAfter, progressRoute } from '../domain/approval-route';
import type { ApprovalProgress } from '../../execution';
import type { WorkflowEngine } from '../../../platform/ports/workflow.port';

const settledTokenErrors = ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'];

/** The route's state machine and the name of one submission's execution (a resubmission is a new round). */
export const ROUTE_MACHINE = 'document-route';
export const routeExecutionName = (documentId: string, round: number) => `route-${documentId}-${round}`;

/**
 * The document after a route step ended: the last endorsement agrees an order, the signature signs
 * (an order or internal document records who and when), a rejection returns an order to its draft.
 * Operations the document's status does not allow are simply not applied.
 */
export function applyStepOperation(
  doc: DocumentRecord,
  step: number,
  outcome: 'approved' | 'rejected',
  actor: Actor,
  now: string,
): DocumentRecord {
  const operation = doc.route ? operationAfterStep(doc.route, step, outcome) : undefined;
  if (!operation || !allowedOperations(doc.kind, doc.status).includes(operation)) return doc;
  const status = transition(doc.kind, doc.status, operation);
  if (operation !== 'sign') return { ...doc, status };
  const signed = { signedAt: now, signedBy: actor.employeeId };
  if (doc.order) return { ...doc, status, order: { ...doc.order, ...signed } };
  if (doc.internal) return { ...doc, status, internal: { ...doc.internal, ...signed } };
  return { ...doc, status };
}

/**
 * Tells the route machine waiting on a step how it ended. At-least-once: the table-stream consumer
 * sends it again when this process died after the commit; a token already used is refused by the
 * engine, which is fine.
 */
export async function signalStep(
  deps: { readonly workflow?: WorkflowEngine },
  doc: DocumentRecord,
  step: number,
  options: { strict?: boolean } = {},
): Promise<void> {
  const route = doc.route;
  const s = route?.steps[step];
  if (!route || !s?.taskToken || !deps.workflow || (s.state !== 'done' && s.state !== 'rejected')) return;
  try {
    await deps.workflow.taskSucceeded(
      s.taskToken,
      outcomeAfter(route, step, s.state === 'done' ? 'approved' : 'rejected'),
    );
  } catch (error) {
    // A token already used (or a round already over) is refused: the machine has the outcome.
    if (settledTokenErrors.includes((error as Error).name)) return;
    // Otherwise the engine is unreachable: the stream consumer (strict) fails its batch and retries.
    if (options.strict) throw error;
  }
}

/** The approval module's side of execution control's finished tasks (see execution's ApprovalProgress). */
export function approvalProgress(deps: { readonly workflow?: WorkflowEngine }): ApprovalProgress {
  return {
    afterTasks(document, changed, actor, now, comment) {
      if (!document.route) return undefined;
      const progress = progressRoute(document.route, changed, now, comment);
      if (progress.route === document.route) return undefined;
      const moved = { ...document, route: progress.route };
      if (!progress.ended) return { document: moved };
      const { step, outcome } = progress.ended;
      return {
        document: applyStepOperation(moved, step, outcome, actor, now),
        ended: { step, outcome, state: progress.route.state },
      };
    },
    signal: (document, step) => signalStep(deps, document, step),
  };
}
