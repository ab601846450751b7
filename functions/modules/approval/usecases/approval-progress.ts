import { type DocumentRecord, allowedOperations } from '../../documents';
import { operationAfterStep, outcomeAfter, progressRoute } from '../domain/approval-route';
import type { ApprovalProgress } from '../../execution';
import type { WorkflowEngine } from '../../../platform/ports/workflow.port';

const settledTokenErrors = ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'];

/** The route's state machine and the name of one submission's execution (a resubmission is a new round). */
export const ROUTE_MACHINE = 'document-route';
export const routeExecutionName = (documentId: string, round: number) => `route-${documentId}-${round}`;

/**
 * The document operation a route step's end implies (the last endorsement agrees an order, the
 * signature signs, a rejection returns an order to its draft), when the document's status allows
 * it. Execution control applies it through the documents module, the way the operations route
 * does: a signature numbers an order whichever path signed it.
 */
export function stepOperation(
  doc: DocumentRecord,
  step: number,
  outcome: 'approved' | 'rejected',
): 'agree' | 'sign' | 'return' | undefined {
  const operation = doc.route ? operationAfterStep(doc.route, step, outcome) : undefined;
  if (!operation || !allowedOperations(doc.kind, doc.status).includes(operation)) return undefined;
  return operation;
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
    afterTasks(document, changed, now, comment) {
      if (!document.route) return undefined;
      const progress = progressRoute(document.route, changed, now, comment);
      if (progress.route === document.route) return undefined;
      const moved = { ...document, route: progress.route };
      if (!progress.ended) return { document: moved };
      const { step, outcome } = progress.ended;
      const operation = stepOperation(moved, step, outcome);
      return {
        document: moved,
        ended: { step, outcome, state: progress.route.state, ...(operation ? { operation } : {}) },
      };
    },
    signal: (document, step) => signalStep(deps, document, step),
  };
}
