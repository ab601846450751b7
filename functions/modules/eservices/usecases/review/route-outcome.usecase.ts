/**
 * The route's end answers the application's machine. When the registered document's route
 * completes, the application's route outcome is `approved` and every applicant without a decision
 * of the officer's is approved; when it is rejected, every applicant is refused with the
 * rejection's comment as the reason. The record is written first, then the machine's task token
 * (`waiting`, when it waits on the decision) is answered.
 *
 * At least once and crash-safe: the table-stream consumer calls this for every write of a document
 * whose route ended in that write (and the review calls it when the route had ended before the
 * application knew its document). The record is written once (a second call finds the outcome and
 * changes nothing) and the token is answered again after a crash; a token already answered is
 * refused by the engine, which is fine.
 */
import type { DocumentRecord } from '../../../documents';
import type { ApplicationReviewDeps } from '../../ports';
import type { ApplicantDecision, ApplicationRecord } from '../application-records';
import { changeApplication, logEntry, SYSTEM } from '../flow/records';
import { applicationDocumentClaim } from './records';

/** Errors of an answer the engine no longer takes: the machine has moved on. */
const settledTokenErrors = ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'];

/** How the document's route ended, if it has: the outcome, when, by whom, the rejection's comment. */
export function routeEnd(
  doc: DocumentRecord,
): { outcome: 'approved' | 'rejected'; at: string; by: string; comment?: string } | undefined {
  const route = doc.route;
  if (!route) return undefined;
  if (route.state === 'rejected' && route.rejection)
    return {
      outcome: 'rejected',
      at: route.rejection.at,
      by: route.rejection.by,
      ...(route.rejection.comment ? { comment: route.rejection.comment } : {}),
    };
  if (route.state === 'completed') {
    const last = route.steps.at(-1);
    const decidedBy = last?.assignees.find((a) => a.decidedBy)?.decidedBy ?? SYSTEM;
    return { outcome: 'approved', at: route.completedAt ?? last?.endedAt ?? doc.updatedAt, by: decidedBy };
  }
  return undefined;
}

/** The decisions once the route has ended (see the module comment). */
export function decisionsAfter(
  app: ApplicationRecord,
  end: NonNullable<ReturnType<typeof routeEnd>>,
): ApplicantDecision[] {
  return app.values.applicants.map((_, applicant): ApplicantDecision => {
    const recorded = app.decisions?.find((d) => d.applicant === applicant);
    if (end.outcome === 'rejected')
      return {
        applicant,
        outcome: 'refused',
        ...(end.comment ? { reason: end.comment } : {}),
        decidedAt: end.at,
        decidedBy: end.by,
      };
    return recorded ?? { applicant, outcome: 'approved', decidedAt: end.at, decidedBy: end.by };
  });
}

/** Answers the machine waiting on the officer's decision, when the outcome is recorded. */
export async function answerDecisionWait(
  deps: ApplicationReviewDeps,
  app: ApplicationRecord,
  options: { strict?: boolean } = {},
): Promise<void> {
  if (!app.routeOutcome || app.waiting?.on !== 'decision' || !deps.workflow) return;
  try {
    await deps.workflow.taskSucceeded(app.waiting.taskToken, { outcome: app.routeOutcome.outcome });
  } catch (error) {
    if (settledTokenErrors.includes((error as Error).name)) return;
    // The engine unreachable: the stream consumer (strict) fails its batch and comes again.
    if (options.strict) throw error;
  }
}

/** Records the end of the document's route on its application and answers the machine. */
export async function applyRouteOutcome(
  deps: ApplicationReviewDeps,
  doc: DocumentRecord,
  options: { strict?: boolean } = {},
): Promise<ApplicationRecord | undefined> {
  const end = routeEnd(doc);
  if (!end) return undefined;
  const id = await deps.store.findByUnique(doc.tenantId, applicationDocumentClaim(doc.id));
  if (!id) return undefined;
  const { record: saved } = await changeApplication(deps, doc.tenantId, id, SYSTEM, (app) => {
    if (app.routeOutcome || app.documentId !== doc.id || app.state !== 'in-review') return undefined;
    const decisions = decisionsAfter(app, end);
    const now = deps.clock.now().toISOString();
    return {
      ...app,
      routeOutcome: { outcome: end.outcome, at: end.at, ...(end.comment ? { comment: end.comment } : {}) },
      decisions,
      ...(end.outcome === 'rejected' && end.comment ? { refusal: end.comment } : {}),
      log: [
        ...app.log,
        logEntry(now, end.outcome === 'approved' ? 'route-approved' : 'route-rejected', end.by, {
          documentId: doc.id,
          approved: decisions.filter((d) => d.outcome === 'approved').length,
          refused: decisions.filter((d) => d.outcome === 'refused').length,
        }),
      ],
    };
  });
  if (saved.documentId === doc.id) await answerDecisionWait(deps, saved, options);
  return saved;
}
