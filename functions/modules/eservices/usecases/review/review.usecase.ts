/**
 * The machine's `Review` step (task `applicationReview`) for an application in review without its
 * document: registered in the agency's journal (register.ts), the automatic checks (checks.ts), the
 * service level's clock (level.ts), and the document's approval route started from the
 * definition's template — the route's people get their tasks from the route's machine.
 *
 * Idempotent and crash-safe: the document is made once (a fixed idempotency key), its scans once
 * (derived content ids), the route is started only while it has not started; the application is
 * then written once with all of it (document, number, checks, clock, log) — the write that makes
 * the machine's next step `decision` comes last, so a run cut short anywhere before it is simply
 * run again, and a run after it changes nothing.
 *
 * Every run that finds the level running (the first, or one after a crash past the write) then
 * starts the level's watch (level-watch/watch.usecase.ts; idempotent by name), so the task does not
 * succeed before the watch runs.
 */
import { retryOnStale, type ApprovalStage, type DocumentRecord } from '../../../documents';
import { getRoute, startRoute, updateRoute } from '../../../approval';
import { bakuDate } from '../../domain/time';
import type { ApplicationReviewDeps } from '../../ports';
import type { ApplicationRecord } from '../application-records';
import { automaticChecks, registryProblems } from './checks';
import { agencyWorkingDays, applicationLevel } from './level';
import { registerApplication } from './register';
import { changeApplication, definitionOf, logEntry, requireApplication, SYSTEM } from '../flow/records';
import { applicationDocumentClaim, reviewActor } from './records';
import { applyRouteOutcome } from './route-outcome.usecase';
import { ensureLevelWatch } from '../level-watch/watch.usecase';

/** The stages whose tasks are the decision's (an execution stage keeps its own controlled deadline). */
const DECIDING: ReadonlySet<ApprovalStage['kind']> = new Set(['endorsement', 'signing', 'resolution']);

/**
 * The deciding stages of the draft route fall due on the service level's last day, so their tasks
 * carry it and the people's lists sort an application running out of time first (the route's start
 * takes no due date of its own; the route is edited before it starts, as its author may). A last
 * day already past (a review run late) leaves the template's deadlines.
 */
async function withLevelDeadline(
  deps: ApplicationReviewDeps,
  doc: DocumentRecord,
  lastDay: string,
): Promise<void> {
  const actor = reviewActor(doc.tenantId);
  if (lastDay < bakuDate(deps.clock.now().toISOString())) return;
  const { route, documentVersion } = await getRoute(deps, actor, doc.id);
  if (!route || route.state !== 'draft') return;
  const stages = route.stages.map((stage): ApprovalStage => {
    if (!DECIDING.has(stage.kind)) return stage;
    const { deadlineDays: _days, ...rest } = stage;
    return { ...rest, deadlineDate: lastDay };
  });
  if (JSON.stringify(stages) === JSON.stringify(route.stages)) return;
  await updateRoute(deps, actor, doc.id, {
    version: documentVersion,
    ...(route.templateId ? { templateId: route.templateId } : {}),
    stages,
  });
}

/** Starts the document's route unless it has started (or ended) already, due on the level's last day. */
async function withRouteStarted(
  deps: ApplicationReviewDeps,
  tenantId: string,
  doc: DocumentRecord,
  lastDay: string,
): Promise<DocumentRecord> {
  const actor = reviewActor(tenantId);
  return retryOnStale(3, async () => {
    const current = (await deps.documents.get(tenantId, doc.id)) ?? doc;
    if (current.route && current.route.state !== 'draft') return current;
    await withLevelDeadline(deps, current, lastDay);
    const edited = (await deps.documents.get(tenantId, doc.id)) ?? current;
    await startRoute(deps, actor, edited.id, { version: edited.version });
    return (await deps.documents.get(tenantId, doc.id))!;
  });
}

export async function reviewApplication(
  deps: ApplicationReviewDeps,
  input: { tenantId: string; applicationId: string },
): Promise<ApplicationRecord> {
  const reviewed = await reviewOnce(deps, input);
  await ensureLevelWatch(deps, reviewed);
  return reviewed;
}

async function reviewOnce(
  deps: ApplicationReviewDeps,
  input: { tenantId: string; applicationId: string },
): Promise<ApplicationRecord> {
  const app = await requireApplication(deps, input.tenantId, input.applicationId);
  if (app.state !== 'in-review' || app.documentId) return app;
  const def = await definitionOf(deps, app);
  const actor = reviewActor(app.tenantId);

  const registered = await registerApplication(deps, actor, app, def);
  const now = deps.clock.now().toISOString();
  const level = applicationLevel(app, def, now, await agencyWorkingDays(deps, app.tenantId));
  const doc = await withRouteStarted(deps, app.tenantId, registered, level.lastDay);
  const fromRegistry = deps.registry ? await registryProblems(deps.registry, def, app.values) : [];
  const checks = automaticChecks(def, app.values, now).map((c) => {
    const more = fromRegistry[c.applicant] ?? [];
    return more.length === 0 ? c : { ...c, ok: false, problems: [...c.problems, ...more] };
  });
  const failed = checks.filter((c) => !c.ok).length;

  const { record: saved } = await changeApplication(
    deps,
    app.tenantId,
    app.id,
    SYSTEM,
    (current) => {
      if (current.state !== 'in-review' || current.documentId) return undefined;
      const registrationNumber = doc.registration?.number;
      return {
        ...current,
        documentId: doc.id,
        ...(registrationNumber ? { registrationNumber } : {}),
        checks,
        level,
        log: [
          ...current.log,
          logEntry(now, 'registered', SYSTEM, {
            documentId: doc.id,
            ...(registrationNumber ? { registrationNumber } : {}),
          }),
          logEntry(now, failed === 0 ? 'checks-passed' : 'checks-failed', SYSTEM, {
            applicants: checks.length,
            failed,
          }),
          logEntry(now, 'level-started', SYSTEM, {
            startedAt: level.startedAt,
            dueAt: level.dueAt,
            lastDay: level.lastDay,
          }),
          logEntry(now, 'route-started', SYSTEM, {
            documentId: doc.id,
            ...(doc.route?.templateId ? { templateId: doc.route.templateId } : {}),
            round: doc.route?.round ?? 0,
          }),
        ],
      };
    },
    (next) => (next.documentId ? [applicationDocumentClaim(next.documentId)] : []),
  );
  // A route that ended before the application knew its document: its end is recorded now.
  const latest = await deps.documents.get(app.tenantId, doc.id);
  if (latest && saved.documentId === latest.id) return (await applyRouteOutcome(deps, latest)) ?? saved;
  return saved;
}
