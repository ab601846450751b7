import { describe, expect, it } from 'vitest';
import {
  getApplication,
  listApplications,
  recordDecisions,
  reviewApplication,
} from '../../../../functions/modules/eservices';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../../functions/platform/kernel/errors';
import { TENANT } from '../../../support/builders';
import { publishedService } from '../../../support/eservices-review';
import {
  admin,
  evisaDefinition,
  inReview,
  officer,
  outsider,
  PAID_AT,
  reviewWorld,
  visitor,
  type ReviewWorld,
} from './world';

const group = () => [
  visitor(),
  visitor({
    surname: 'Schmidt',
    passportNumber: 'C01X00T48',
    passportScan: [{ ref: 'upload-2', name: 'schmidt.pdf', mediaType: 'application/pdf', bytes: 9 }],
  }),
];

async function reviewed(w: ReviewWorld): Promise<ApplicationRecord> {
  const app = await inReview(w, group());
  return reviewApplication(w, { tenantId: TENANT, applicationId: app.id });
}

describe('the agency’s list of a service’s applications', () => {
  it('shows an admin every application newest first, a route’s person their own, others nothing', async () => {
    // Arrange
    const w = reviewWorld();
    const service = await publishedService(w, admin, evisaDefinition());
    const older = await inReview(w, [visitor()], { service, submittedAt: '2026-03-18T08:00:00.000Z' });
    const newer = await inReview(w, [visitor()], { service, submittedAt: '2026-03-19T05:00:00.000Z' });
    await reviewApplication(w, { tenantId: TENANT, applicationId: newer.id });

    // Act
    const forAdmin = await listApplications(w, admin, 'e-visa', { limit: 50 });
    const forOfficer = await listApplications(w, officer, 'e-visa', { limit: 50 });
    const forOutsider = await listApplications(w, outsider, 'e-visa', { limit: 50 });

    // Assert
    expect(forAdmin.items.map((i) => i.number)).toEqual([newer.id, older.id]);
    expect(forOfficer.items.map((i) => i.number)).toEqual([newer.id]);
    expect(forOfficer.items[0]).toMatchObject({
      serviceCode: 'e-visa',
      variant: 'standard',
      state: 'in-review',
      applicants: ['Müller Anna Maria'],
      registrationNumber: '1-ER/26',
      level: { lastDay: '02.04.2026', overdue: false },
    });
    expect(forOutsider.items).toEqual([]);
    await expect(listApplications(w, admin, 'no-such-service', { limit: 50 })).rejects.toThrow(NotFoundError);
  });
});

describe('one application as the agency sees it', () => {
  it('gives the values, scan links, checks, the time left, the log and what the caller may do', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await reviewed(w);
    w.clock.set('2026-04-02T19:00:00.000Z');

    // Act
    const seen = await getApplication(w, officer, app.id.toLowerCase().replaceAll('-', ''));

    // Assert
    expect(seen).toMatchObject({
      number: app.id,
      documentId: app.documentId,
      applicants: ['Müller Anna Maria', 'Schmidt Anna Maria'],
      level: { startedAt: PAID_AT, dueAt: '2026-04-02T20:00:00.000Z', minutesLeft: 60, overdue: false },
      checks: [
        { applicant: 0, ok: true },
        { applicant: 1, ok: true },
      ],
      actions: ['decide'],
    });
    expect(seen.scans.map((s) => [s.path, s.name])).toEqual([
      ['applicants[0].passportScan[0]', 'passport.pdf'],
      ['applicants[1].passportScan[0]', 'schmidt.pdf'],
    ]);
    expect(seen.scans[0]!.url).toBeTruthy();
    expect(w.objects.downloadsPresigned[0]).toMatchObject({
      bucket: 'attachments',
      key: `${TENANT}/eservices/uploads/upload-1`,
      fileName: 'passport.pdf',
    });
    expect(seen.log.map((e) => e.event)).toContain('registered');
    expect((await getApplication(w, admin, app.id)).actions).toEqual([]);
  });

  it('is a 404 for someone outside its route and for a number that cannot be one', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await reviewed(w);

    // Act
    const reads = [getApplication(w, outsider, app.id), getApplication(w, admin, 'NOT-A-NUMBER-AT-ALL')];

    // Assert
    for (const read of reads) await expect(read).rejects.toThrow(NotFoundError);
  });
});

describe('the officer’s decisions', () => {
  it('records a decision per applicant under the version seen; a decision given again replaces it', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await reviewed(w);
    const first = await recordDecisions(w, officer, app.id, {
      version: app.version,
      decisions: [{ applicant: 0, outcome: 'refused', reason: '  Passport damaged ' }],
    });

    // Act
    const second = await recordDecisions(w, officer, app.id, {
      version: first.version,
      decisions: [
        { applicant: 1, outcome: 'approved' },
        { applicant: 0, outcome: 'refused', reason: 'Photo missing' },
      ],
    });

    // Assert
    expect(second.decisions).toEqual([
      { applicant: 0, outcome: 'refused', reason: 'Photo missing', decidedAt: PAID_AT, decidedBy: 'officer' },
      { applicant: 1, outcome: 'approved', decidedAt: PAID_AT, decidedBy: 'officer' },
    ]);
    expect(second.log.filter((e) => e.event === 'decision-recorded').map((e) => e.detail)).toEqual([
      { applicant: 0, outcome: 'refused' },
      { applicant: 1, outcome: 'approved' },
      { applicant: 0, outcome: 'refused' },
    ]);
  });

  it('refuses a refusal without a reason, an unknown or repeated applicant, each on its field', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await reviewed(w);

    // Act
    const error = await recordDecisions(w, officer, app.id, {
      version: app.version,
      decisions: [
        { applicant: 0, outcome: 'refused', reason: '   ' },
        { applicant: 2, outcome: 'approved' },
        { applicant: 0, outcome: 'approved' },
      ],
    }).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(BusinessRuleError);
    expect((error as BusinessRuleError).code).toBe('decision_reason_required');
    expect((error as BusinessRuleError).issues).toEqual([
      { path: 'decisions.0.reason', code: 'decision_reason_required' },
      { path: 'decisions.1.applicant', code: 'decision_applicant_unknown' },
      { path: 'decisions.2.applicant', code: 'decision_applicant_repeated' },
    ]);
    const unchanged = (await w.store.get<ApplicationRecord>(APPLICATION, TENANT, app.id))!;
    expect(unchanged.version).toBe(app.version);
  });

  it('lets only a person of the running route decide, under the current version, while it waits', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await reviewed(w);
    const decide = (who: typeof officer, version = app.version) =>
      recordDecisions(w, who, app.id, { version, decisions: [{ applicant: 0, outcome: 'approved' }] });
    const ended: ApplicationRecord = {
      ...app,
      routeOutcome: { outcome: 'approved', at: PAID_AT },
    };

    // Act
    const byAdmin = decide(admin);
    const byOutsider = decide(outsider);
    const unseen = decide(officer, app.version + 5);
    await byAdmin.catch(() => undefined);
    await w.store.update(APPLICATION, ended, app.version, {
      actorId: 'system',
      ...applicationPlacement(ended),
    });
    const afterEnd = decide(officer, app.version + 1);

    // Assert
    await expect(byAdmin).rejects.toThrow(ForbiddenError);
    await expect(byOutsider).rejects.toThrow(NotFoundError);
    await expect(unseen).rejects.toMatchObject({ code: 'stale_version' });
    await expect(afterEnd).rejects.toThrow(ConflictError);
    await expect(afterEnd).rejects.toMatchObject({ code: 'application_not_in_review' });
  });

  it('takes a decision made on a view older than the machine’s writes, not on one older than another decision', async () => {
    // Arrange: the officer opens the application; the machine then keeps its wait token on it.
    const w = reviewWorld();
    const app = await reviewed(w);
    const waiting: ApplicationRecord = {
      ...app,
      waiting: { on: 'decision', taskToken: 'token-1', since: PAID_AT },
    };
    await w.store.update(APPLICATION, waiting, app.version, {
      actorId: 'system',
      ...applicationPlacement(waiting),
    });

    // Act
    const first = await recordDecisions(w, officer, app.id, {
      version: app.version,
      decisions: [{ applicant: 0, outcome: 'approved' }],
    });
    const onTheOldView = await recordDecisions(w, officer, app.id, {
      version: app.version,
      decisions: [{ applicant: 0, outcome: 'refused', reason: 'Pasport oxunmur' }],
    }).catch((e: unknown) => e);

    // Assert
    expect(first.decisions).toEqual([expect.objectContaining({ applicant: 0, outcome: 'approved' })]);
    expect(onTheOldView).toMatchObject({ code: 'stale_version' });
    const stored = (await w.store.get<ApplicationRecord>(APPLICATION, TENANT, app.id))!;
    expect(stored.decisions).toEqual([expect.objectContaining({ applicant: 0, outcome: 'approved' })]);
  });
});
