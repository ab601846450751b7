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
import { retryOnStale, type DocumentRecord } from '../../../documents';
import { startRoute } from '../../../approval';
import type { ApplicationReviewDeps } from '../../ports';
import type { ApplicationRecord } from '../application-records';
import { automaticChecks } from './checks';
import { agencyWorkingDays, applicationLevel } from './level';
import { registerApplication } from './register';
import { changeApplication, definitionOf, logEntry, requireApplication, SYSTEM } from '../flow/records';
import { applicationDocumentClaim, reviewActor } from './records';
import { applyRouteOutcome } from './route-outcome.usecase';
import { ensureLevelWatch } from '../level-watch/watch.usecase';

/** Starts the document's route unless it has started (or ended) already. */
async function withRouteStarted(
  deps: ApplicationReviewDeps,
  tenantId: string,
  doc: DocumentRecord,
): Promise<DocumentRecord> {
  const actor = reviewActor(tenantId);
  return retryOnStale(3, async () => {
    const current = (await deps.documents.get(tenantId, doc.id)) ?? doc;
    if (current.route && current.route.state !== 'draft') return current;
    await startRoute(deps, actor, current.id, { version: current.version });
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
  const doc = await withRouteStarted(deps, app.tenantId, registered);
  const now = deps.clock.now().toISOString();
  const checks = automaticChecks(def, app.values, now);
  const level = applicationLevel(app, def, now, await agencyWorkingDays(deps, app.tenantId));
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
