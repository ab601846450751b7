import { describe, expect, it } from 'vitest';
import { reviewApplication } from '../../../../functions/modules/eservices';
import {
  openTaskHolders,
  supervisorsOfAll,
} from '../../../../functions/modules/eservices/usecases/level-watch/recipients';
import { employee, TENANT } from '../../../support/builders';
import { inReview, reviewWorld } from '../review/world';
import { firstStepReached, seedVisaUnits } from './org';

describe('who hears of an application’s service level', () => {
  it('names the holders of the running route’s open tasks', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);
    const reviewed = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });
    await firstStepReached(w, TENANT, reviewed.documentId!);
    const doc = (await w.documents.get(TENANT, reviewed.documentId!))!;

    // Act
    const holders = await openTaskHolders(w, doc);

    // Assert
    expect(holders).toEqual(['officer']);
  });

  it('names nobody once the route has ended or its step is decided', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);
    const reviewed = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });
    await firstStepReached(w, TENANT, reviewed.documentId!);
    const doc = (await w.documents.get(TENANT, reviewed.documentId!))!;
    const decided = {
      ...doc,
      route: {
        ...doc.route!,
        steps: doc.route!.steps.map((s) => ({
          ...s,
          assignees: s.assignees.map((a) => ({ ...a, status: 'approved' as const })),
        })),
      },
    };
    const completed = { ...doc, route: { ...doc.route!, state: 'completed' as const } };

    // Act
    const afterDecision = await openTaskHolders(w, decided);
    const afterEnd = await openTaskHolders(w, completed);

    // Assert
    expect([afterDecision, afterEnd]).toEqual([[], []]);
  });

  it('escalates to the head of the holder’s unit, and past a head to the head of the unit above', async () => {
    // Arrange
    const w = reviewWorld();
    seedVisaUnits(w.store);

    // Act
    const ofOfficer = await supervisorsOfAll(w, TENANT, ['officer']);
    const ofHead = await supervisorsOfAll(w, TENANT, ['visahead']);
    const ofBoth = await supervisorsOfAll(w, TENANT, ['officer', 'visahead']);

    // Assert: a supervisor who holds a task as well is told as a holder, not twice.
    expect(ofOfficer).toEqual(['visahead']);
    expect(ofHead).toEqual(['consulhead']);
    expect(ofBoth).toEqual(['consulhead']);
  });

  it('skips an inactive head and finds nobody for an official without a position', async () => {
    // Arrange
    const w = reviewWorld();
    seedVisaUnits(w.store);
    w.store.seed('employee', employee('visahead', { positionIds: ['visahead-pos'], active: false }), {
      parentKey: 'visahead-pos',
    });

    // Act
    const ofOfficer = await supervisorsOfAll(w, TENANT, ['officer']);
    const ofOutsider = await supervisorsOfAll(w, TENANT, ['outsider']);

    // Assert
    expect(ofOfficer).toEqual(['consulhead']);
    expect(ofOutsider).toEqual([]);
  });
});
