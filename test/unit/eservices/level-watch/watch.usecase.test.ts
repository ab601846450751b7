import { describe, expect, it } from 'vitest';
import {
  ensureLevelWatch,
  notifyLevelEvent,
  planLevelWatch,
  reviewApplication,
} from '../../../../functions/modules/eservices';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import { ConflictError } from '../../../../functions/platform/kernel/errors';
import { TENANT } from '../../../support/builders';
import { inReview, PAID_AT, reviewWorld, type ReviewWorld } from '../review/world';
import { firstStepReached, seedVisaUnits } from './org';

// The review world's e-visa, paid on Thursday 19 March 2026 at 10:00 Baku: three working days after
// the Novruz and Ramazan holidays, the last on Thursday 2 April; due at its end (20:00 UTC).
const REMINDER_AT = '2026-04-02T05:00:00.000Z';
const DUE_AT = '2026-04-02T20:00:00.000Z';

async function watchedApplication(w: ReviewWorld): Promise<ApplicationRecord> {
  seedVisaUnits(w.store);
  const app = await inReview(w);
  const reviewed = await reviewApplication(w, { tenantId: TENANT, applicationId: app.id });
  await firstStepReached(w, TENANT, reviewed.documentId!);
  w.email.sent.splice(0); // the new-task notices of the route's step
  return reviewed;
}

const stored = async (w: ReviewWorld, id: string) =>
  (await w.store.get<ApplicationRecord>(APPLICATION, TENANT, id))!;
const ref = (app: ApplicationRecord) => ({ tenantId: TENANT, applicationId: app.id });
const mailsTo = (w: ReviewWorld, who: string) =>
  w.email.sent.filter((m) => m.to.includes(`${who}@agency.az`));

async function decide(w: ReviewWorld, app: ApplicationRecord): Promise<void> {
  const current = await stored(w, app.id);
  await w.store.update<ApplicationRecord>(
    APPLICATION,
    { ...current, routeOutcome: { outcome: 'approved', at: PAID_AT } },
    current.version,
    { actorId: 'system', ...applicationPlacement(current) },
  );
}

describe('planning the service level’s watch', () => {
  it('waits for the reminder, then the escalation at the level’s end, then stops', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);

    // Act
    const first = await planLevelWatch(w, { ...ref(app), after: PAID_AT });
    const second = await planLevelWatch(w, { ...ref(app), after: REMINDER_AT });
    const third = await planLevelWatch(w, { ...ref(app), after: DUE_AT });

    // Assert
    expect(app.level).toEqual({ startedAt: PAID_AT, lastDay: '2026-04-02', dueAt: DUE_AT });
    expect(first).toEqual({ action: 'wait', at: REMINDER_AT, event: { kind: 'reminder', at: REMINDER_AT } });
    expect(second).toEqual({ action: 'wait', at: DUE_AT, event: { kind: 'escalation', at: DUE_AT } });
    expect(third).toEqual({ action: 'stop', reason: 'done' });
  });

  it('stops once the route has ended, and for an application not in review', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);
    const other = await inReview(w, undefined, {
      service: { id: app.serviceId, code: app.serviceCode, version: app.serviceVersion },
    });
    await decide(w, app);

    // Act
    const decided = await planLevelWatch(w, { ...ref(app), after: PAID_AT });
    const unreviewed = await planLevelWatch(w, { ...ref(other), after: PAID_AT });
    const missing = await planLevelWatch(w, { tenantId: TENANT, applicationId: 'NONE', after: PAID_AT });

    // Assert
    expect(decided).toEqual({ action: 'stop', reason: 'route-ended' });
    expect(unreviewed).toEqual({ action: 'stop', reason: 'no-level' });
    expect(missing).toEqual({ action: 'stop', reason: 'not-found' });
  });
});

describe('the level’s notices', () => {
  it('reminds the holder of the open task once, whatever the number of runs', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);
    w.clock.set(REMINDER_AT);
    const event = { kind: 'reminder' as const, at: REMINDER_AT };

    // Act
    const first = await notifyLevelEvent(w, { ...ref(app), event });
    const again = await notifyLevelEvent(w, { ...ref(app), event });

    // Assert
    expect(first).toEqual({ sent: 1 });
    expect(again).toEqual({ sent: 0, skipped: 'sent' });
    expect(mailsTo(w, 'officer')).toHaveLength(1);
    expect(mailsTo(w, 'visahead')).toHaveLength(0);
    expect(mailsTo(w, 'officer')[0]!.subject).toMatch(/^Xatırlatma: .* \(02\.04\.2026\)$/);
    const log = (await stored(w, app.id)).log.filter((e) => e.event === 'reminder');
    expect(log).toEqual([
      {
        at: REMINDER_AT,
        event: 'reminder',
        actor: 'system',
        detail: { key: `level-reminder:${DUE_AT}`, dueAt: DUE_AT, holders: 1, supervisors: 0 },
      },
    ]);
  });

  it('escalates to the holder and the head of their unit once', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);
    w.clock.set(DUE_AT);
    const event = { kind: 'escalation' as const, at: DUE_AT };

    // Act
    await notifyLevelEvent(w, { ...ref(app), event });
    await notifyLevelEvent(w, { ...ref(app), event });

    // Assert
    expect(mailsTo(w, 'officer').map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Xidmət müddəti keçib: /),
    ]);
    expect(mailsTo(w, 'visahead')).toHaveLength(1);
    expect(mailsTo(w, 'consulhead')).toHaveLength(0);
    expect((await stored(w, app.id)).log.filter((e) => e.event === 'escalation')).toHaveLength(1);
  });

  it('sends nothing for an application whose route has ended', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);
    await decide(w, app);
    w.clock.set(DUE_AT);

    // Act
    const result = await notifyLevelEvent(w, { ...ref(app), event: { kind: 'escalation', at: DUE_AT } });

    // Assert
    expect(result).toEqual({ sent: 0, skipped: 'not-in-review' });
    expect(w.email.sent).toEqual([]);
    expect((await stored(w, app.id)).log.some((e) => e.event === 'escalation')).toBe(false);
  });

  it('frees the key of a send that failed, so the retried task sends it', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);
    w.clock.set(REMINDER_AT);
    const event = { kind: 'reminder' as const, at: REMINDER_AT };
    w.email.failWith = new Error('mail service down');

    // Act
    await expect(notifyLevelEvent(w, { ...ref(app), event })).rejects.toThrow('mail service down');
    w.email.failWith = undefined;
    const retried = await notifyLevelEvent(w, { ...ref(app), event });

    // Assert
    expect(retried).toEqual({ sent: 1 });
    expect(mailsTo(w, 'officer')).toHaveLength(1);
    expect((await stored(w, app.id)).log.map((e) => e.event).filter((e) => e.startsWith('reminder'))).toEqual(
      ['reminder', 'reminder-failed', 'reminder'],
    );
  });
});

describe('starting the watch', () => {
  it('starts it once per application, named after it, from the level’s start', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);

    // Act
    await ensureLevelWatch(w, app);

    // Assert
    expect(w.workflow.started.filter((s) => s.machine === 'eservice-level-watch')).toEqual([
      {
        machine: 'eservice-level-watch',
        name: `level-${TENANT}-${app.id.replaceAll('-', '')}`,
        input: { tenantId: TENANT, applicationId: app.id, after: PAID_AT },
      },
    ]);
  });

  it('is started by the review run again after a run that died once the application was written', async () => {
    // Arrange: the engine refuses the watch's start once (the review's run fails after its write).
    const w = reviewWorld();
    const app = await inReview(w);
    const start = w.workflow.start.bind(w.workflow);
    let refuse = true;
    w.workflow.start = async (input) => {
      if (input.machine === 'eservice-level-watch' && refuse) {
        refuse = false;
        throw new Error('engine unreachable');
      }
      return start(input);
    };
    await expect(reviewApplication(w, ref(app))).rejects.toThrow('engine unreachable');
    expect((await stored(w, app.id)).level).toBeDefined();

    // Act
    await reviewApplication(w, ref(app));

    // Assert
    expect(w.workflow.started.filter((s) => s.machine === 'eservice-level-watch')).toHaveLength(1);
  });

  it('takes a name already used by the engine as a watch that runs', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await watchedApplication(w);
    w.workflow.start = async () => {
      throw new ConflictError('workflow_name_conflict', 'An execution of that name exists');
    };

    // Act / Assert
    await expect(ensureLevelWatch(w, app)).resolves.toBeUndefined();
  });
});
