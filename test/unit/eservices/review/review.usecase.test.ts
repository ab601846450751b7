import { describe, expect, it } from 'vitest';
import { routeStepTask } from '../../../../functions/modules/approval';
import { reviewApplication } from '../../../../functions/modules/eservices';
import {
  APPLICATION,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import { TENANT } from '../../../support/builders';
import { inReview, PAID_AT, reviewWorld, SCAN, TEMPLATE, visitor, type ReviewWorld } from './world';

const stored = async (w: ReviewWorld, id: string) =>
  (await w.store.get<ApplicationRecord>(APPLICATION, TENANT, id))!;

const incomingDocuments = async (w: ReviewWorld) =>
  (
    await w.documents.list(TENANT, {
      kind: 'incoming',
      order: 'asc',
      limit: 50,
      viewer: { employeeId: 'clerk', seesAll: true, actingFor: [], headOf: [] },
    })
  ).items;

describe('reviewing an application (the machine’s Review step)', () => {
  it('registers it as an incoming citizen document with its scans, checks it, starts the clock and the route', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);

    // Act
    const reviewed = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });

    // Assert
    const doc = (await w.documents.get(TENANT, reviewed.documentId!))!;
    expect(doc).toMatchObject({
      kind: 'incoming',
      documentNumber: app.id,
      documentDate: '2026-03-19',
      incoming: {
        sender: { kind: 'citizen', name: 'Müller Anna Maria', email: 'visitor@example.com' },
        routeTemplateId: TEMPLATE,
      },
    });
    expect(doc.summary).toContain(app.id);
    expect(doc.registration?.number).toMatch(/^1-ER\/26$/);
    expect(doc.contents).toEqual([
      expect.objectContaining({
        fileName: 'passport.pdf',
        contentType: 'application/pdf',
        size: SCAN.length,
      }),
    ]);
    expect(reviewed).toMatchObject({
      documentId: doc.id,
      registrationNumber: doc.registration!.number,
      checks: [{ applicant: 0, ok: true, problems: [] }],
      // Paid on Thursday 19 March 2026: the Novruz and Ramazan holidays with their transfers (20–30
      // March) and the weekends do not count; 31 March, 1 and 2 April are the three working days.
      level: { startedAt: PAID_AT, lastDay: '2026-04-02', dueAt: '2026-04-02T20:00:00.000Z' },
    });
    expect(reviewed.log.map((e) => e.event)).toEqual([
      'submitted',
      'registered',
      'checks-passed',
      'level-started',
      'route-started',
    ]);
    expect(doc.route).toMatchObject({ state: 'running', round: 1, templateId: TEMPLATE });
    expect(doc.route!.steps[0]!.employeeIds).toEqual(['officer']);
    expect(w.workflow.started).toEqual([
      expect.objectContaining({ machine: 'document-route' }),
      // The level's watch, from the level's start (level-watch/watch.usecase.ts).
      {
        machine: 'eservice-level-watch',
        name: `level-${TENANT}-${app.id.replaceAll('-', '')}`,
        input: { tenantId: TENANT, applicationId: app.id, after: PAID_AT },
      },
    ]);
  });

  it('does everything once when run twice', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);
    const first = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });

    // Act
    const second = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });

    // Assert
    expect(second.version).toBe(first.version);
    expect(await incomingDocuments(w)).toHaveLength(1);
    expect(w.workflow.started.map((s) => s.machine)).toEqual(['document-route', 'eservice-level-watch']);
  });

  it('makes one document and starts the route once when the run dies before the application is written', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);
    const update = w.store.update.bind(w.store);
    let crash = true;
    w.store.update = (async (...args: Parameters<typeof update>) => {
      if (crash && args[0] === APPLICATION) {
        crash = false;
        throw new Error('killed');
      }
      return update(...args);
    }) as typeof w.store.update;
    await expect(reviewApplication(w, { tenantId: TENANT, applicationId: app.id })).rejects.toThrow('killed');
    expect((await stored(w, app.id)).documentId).toBeUndefined();

    // Act
    const again = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });

    // Assert
    const docs = await incomingDocuments(w);
    expect(docs).toHaveLength(1);
    expect(again.documentId).toBe(docs[0]!.id);
    const doc = (await w.documents.get(TENANT, docs[0]!.id))!;
    expect(doc.contents).toHaveLength(1);
    expect(doc.route).toMatchObject({ state: 'running', round: 1 });
    expect(again.log.filter((e) => e.event === 'registered')).toHaveLength(1);
  });

  it('makes the route’s deciding stage due on the service level’s last day, so its task carries it', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);

    // Act
    const reviewed = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });
    await routeStepTask(
      { taskToken: 'route-step-0', tenantId: TENANT, documentId: reviewed.documentId!, round: 1, step: 0 },
      w,
    );

    // Assert
    const doc = (await w.documents.get(TENANT, reviewed.documentId!))!;
    expect(doc.route!.stages[0]).toMatchObject({ kind: 'endorsement', deadlineDate: '2026-04-02' });
    expect(doc.route!.steps[0]).toMatchObject({ state: 'active', dueDate: '2026-04-02' });
    const tasks = await w.documents.assignments(TENANT, doc.id);
    expect(tasks.map((t) => [t.assigneeId, t.dueDate])).toEqual([['officer', '2026-04-02']]);
  });

  it('checks each applicant of a group: eligibility and the passport against the visa’s last day', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w, [
      visitor(),
      visitor({
        surname: 'Smith',
        givenNames: 'John',
        passportNumber: 'P1234567',
        nationality: 'AFG',
        passportExpiryDate: '2026-05-01',
        passportScan: [{ ref: 'upload-2', name: 'smith.png', mediaType: 'image/png', bytes: 9 }],
      }),
    ]);

    // Act
    const reviewed = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });

    // Assert
    expect(reviewed.checks![0]).toEqual({ applicant: 0, ok: true, problems: [] });
    expect(reviewed.checks![1]!.ok).toBe(false);
    expect(reviewed.checks![1]!.problems.map((p) => p.code).sort()).toEqual([
      'not_eligible_country',
      'not_eligible_date',
      'passport_expires_before_visa',
    ]);
    const passport = reviewed.checks![1]!.problems.find((p) => p.code === 'passport_expires_before_visa')!;
    expect(passport.message.en).toContain('01.05.2026');
    expect(passport.message.en).toContain('22.06.2026');
    expect(reviewed.log.find((e) => e.event === 'checks-failed')?.detail).toEqual({
      applicants: 2,
      failed: 1,
    });
    const doc = (await w.documents.get(TENANT, reviewed.documentId!))!;
    expect(doc.incoming?.sender).toMatchObject({ name: 'Müller Anna Maria, Smith John' });
    expect(doc.contents.map((c) => c.fileName)).toEqual(['passport.pdf', 'smith.png']);
  });

  it('leaves an application alone that is not in review or already has its document', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);
    const waiting = await w.store.update(
      APPLICATION,
      { ...app, state: 'awaiting-payment' as const },
      app.version,
      { actorId: 'test', sortKey: 'x' },
    );

    // Act
    const out = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });

    // Assert
    expect(out.version).toBe(waiting.version);
    expect(await incomingDocuments(w)).toHaveLength(0);
  });
});
