import { describe, expect, it } from 'vitest';
import { applyRouteOutcome, reviewApplication } from '../../../../functions/modules/eservices';
import type { DocumentRecord } from '../../../../functions/modules/documents';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import { TENANT } from '../../../support/builders';
import { inReview, reviewWorld, visitor, type ReviewWorld } from './world';

const ENDED = '2026-03-31T08:00:00.000Z';

/** An application of two reviewed, the machine waiting on the decision with token `tok-1`. */
async function waitingOnDecision(w: ReviewWorld, decisions: ApplicationRecord['decisions'] = []) {
  const app = await inReview(w, [
    visitor(),
    visitor({
      surname: 'Schmidt',
      passportNumber: 'C01X00T48',
      passportScan: [{ ref: 'upload-2', name: 'schmidt.pdf', mediaType: 'application/pdf', bytes: 9 }],
    }),
  ]);
  const reviewed = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });
  const next: ApplicationRecord = {
    ...reviewed,
    waiting: { on: 'decision', taskToken: 'tok-1', since: ENDED },
    decisions,
  };
  return w.store.update(APPLICATION, next, reviewed.version, {
    actorId: 'system',
    ...applicationPlacement(next),
  });
}

/** The document's route as the approval module leaves it when its step ends. */
async function endRoute(
  w: ReviewWorld,
  documentId: string,
  outcome: 'approved' | 'rejected',
  comment?: string,
): Promise<DocumentRecord> {
  const doc = (await w.documents.get(TENANT, documentId))!;
  const route = doc.route!;
  const step = route.steps[0]!;
  const ended = {
    ...step,
    state: outcome === 'approved' ? ('done' as const) : ('rejected' as const),
    endedAt: ENDED,
    assignees: step.assignees.length
      ? step.assignees.map((a) => ({ ...a, status: outcome, decidedAt: ENDED, decidedBy: 'officer' }))
      : [
          {
            employeeId: 'officer',
            assignmentId: 'as-1',
            status: outcome,
            decidedAt: ENDED,
            decidedBy: 'officer',
          },
        ],
  };
  const next: DocumentRecord = {
    ...doc,
    updatedAt: ENDED,
    route: {
      ...route,
      steps: [ended],
      ...(outcome === 'approved'
        ? { state: 'completed' as const, completedAt: ENDED }
        : { state: 'rejected' as const, rejection: { by: 'officer', at: ENDED, comment: comment ?? '' } }),
    },
  };
  return (
    await w.documents.commit({
      document: next,
      expectedVersion: doc.version,
      operation: { actorId: 'officer', action: 'route-step', changes: [] },
    })
  ).document;
}

describe('the route’s end answers the application', () => {
  it('approved: the officer’s refusal stands, the others are approved, then the machine is answered', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await waitingOnDecision(w, [
      {
        applicant: 1,
        outcome: 'refused',
        reason: 'Passport damaged',
        decidedAt: ENDED,
        decidedBy: 'officer',
      },
    ]);
    const doc = await endRoute(w, app.documentId!, 'approved');

    // Act
    const saved = await applyRouteOutcome(w, doc);

    // Assert
    expect(saved).toMatchObject({
      routeOutcome: { outcome: 'approved', at: ENDED },
      decisions: [
        { applicant: 0, outcome: 'approved', decidedBy: 'officer', decidedAt: ENDED },
        { applicant: 1, outcome: 'refused', reason: 'Passport damaged' },
      ],
    });
    expect(saved!.log.at(-1)).toMatchObject({
      event: 'route-approved',
      actor: 'officer',
      detail: { approved: 1, refused: 1 },
    });
    expect(w.workflow.succeeded).toEqual([{ taskToken: 'tok-1', output: { outcome: 'approved' } }]);
  });

  it('rejected: every applicant is refused with the rejection’s comment', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await waitingOnDecision(w, [
      { applicant: 0, outcome: 'approved', decidedAt: ENDED, decidedBy: 'officer' },
    ]);
    const doc = await endRoute(w, app.documentId!, 'rejected', 'Sənədlər saxtadır');

    // Act
    const saved = await applyRouteOutcome(w, doc);

    // Assert
    expect(saved).toMatchObject({
      routeOutcome: { outcome: 'rejected', comment: 'Sənədlər saxtadır' },
      refusal: 'Sənədlər saxtadır',
    });
    expect(saved!.decisions!.map((d) => [d.outcome, d.reason])).toEqual([
      ['refused', 'Sənədlər saxtadır'],
      ['refused', 'Sənədlər saxtadır'],
    ]);
    expect(w.workflow.succeeded).toEqual([{ taskToken: 'tok-1', output: { outcome: 'rejected' } }]);
  });

  it('writes the outcome once and answers again on a replay (a crash between the two)', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await waitingOnDecision(w);
    const doc = await endRoute(w, app.documentId!, 'approved');
    const first = await applyRouteOutcome(w, doc);

    // Act
    const again = await applyRouteOutcome(w, doc);

    // Assert
    expect(again!.version).toBe(first!.version);
    expect(w.workflow.succeeded.map((s) => s.taskToken)).toEqual(['tok-1', 'tok-1']);
  });

  it('takes a token the engine no longer knows as answered; an unreachable engine fails a strict caller', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await waitingOnDecision(w);
    const doc = await endRoute(w, app.documentId!, 'approved');
    w.workflow.failTokens.set('tok-1', 'TaskDoesNotExist');
    await applyRouteOutcome(w, doc, { strict: true });
    w.workflow.failTokens.set('tok-1', 'ServiceUnavailable');

    // Act
    const strict = applyRouteOutcome(w, doc, { strict: true });

    // Assert
    await expect(strict).rejects.toThrow('ServiceUnavailable');
    await expect(applyRouteOutcome(w, doc)).resolves.toMatchObject({ routeOutcome: { outcome: 'approved' } });
  });

  it('does nothing for a running route or a document no application was registered as', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await waitingOnDecision(w);
    const running = (await w.documents.get(TENANT, app.documentId!))!;
    const other = { ...(await endRoute(w, app.documentId!, 'approved')), id: 'another-document' };

    // Act
    const outcomes = [await applyRouteOutcome(w, running), await applyRouteOutcome(w, other)];

    // Assert
    expect(outcomes).toEqual([undefined, undefined]);
    expect(w.workflow.succeeded).toEqual([]);
    expect((await w.store.get<ApplicationRecord>(APPLICATION, TENANT, app.id))!.routeOutcome).toBeUndefined();
  });
});
