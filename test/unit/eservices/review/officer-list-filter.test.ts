import { describe, expect, it } from 'vitest';
import { listApplications, reviewApplication } from '../../../../functions/modules/eservices';
import { TENANT } from '../../../support/builders';
import { publishedService } from '../../../support/eservices-review';
import { admin, evisaDefinition, inReview, officer, reviewWorld, visitor } from './world';

// The officer's filter row over a service's applications (the web's list page sends it).
describe('the filter row of a service’s applications', () => {
  it('keeps those of the state, the text, the submitted days and the overdue ones, all given filters together', async () => {
    // Arrange: three applications of the e-visa; two in review with a service level, one reviewed
    // earlier (submitted on 18 March), the Schmidt one submitted on 20 March in Baku (20:30 UTC on the 19th).
    const w = reviewWorld();
    const service = await publishedService(w, admin, evisaDefinition());
    const muller = await inReview(w, [visitor()], { service, submittedAt: '2026-03-18T08:00:00.000Z' });
    const schmidt = await inReview(w, [visitor({ surname: 'Schmidt', passportNumber: 'C01X00T48' })], {
      service,
      submittedAt: '2026-03-19T20:30:00.000Z',
    });
    const waiting = await inReview(w, [visitor({ surname: 'Weber', passportNumber: 'C01X00T49' })], {
      service,
      submittedAt: '2026-03-19T05:00:00.000Z',
    });
    await reviewApplication(w, { tenantId: TENANT, applicationId: muller.id });
    await reviewApplication(w, { tenantId: TENANT, applicationId: schmidt.id });
    const list = (filter: Record<string, string>) =>
      listApplications(w, admin, 'e-visa', { limit: 50, ...filter }).then((p) =>
        p.items.map((i) => i.number),
      );

    // Act
    const byName = await list({ q: 'schmi' });
    const byPassport = await list({ q: 'c01x00t49' });
    const byPartOfPassport = await list({ q: 'C01X00T4' });
    const byNumber = await list({ q: muller.id.slice(5, 12).toLowerCase() });
    const byRegistration = await list({ q: '1-ER/26' });
    // 19 March 20:30 UTC is 20 March in Baku.
    const on20th = await list({ submittedFrom: '2026-03-20' });
    const upTo19th = await list({ submittedTo: '2026-03-19' });
    const notOverdueYet = await list({ overdue: 'true' });
    w.clock.set('2026-05-01T06:00:00.000Z');
    const overdue = await list({ overdue: 'true' });
    const overdueWeber = await list({ overdue: 'true', q: 'Weber' });
    const forOfficer = await listApplications(w, officer, 'e-visa', { limit: 50, q: 'Weber' });

    // Assert
    expect(byName).toEqual([schmidt.id]);
    expect(byPassport).toEqual([waiting.id]);
    expect(byPartOfPassport).toEqual([]);
    expect(byNumber).toEqual([muller.id]);
    expect(byRegistration).toEqual([muller.id]);
    expect(on20th).toEqual([schmidt.id]);
    expect(upTo19th.sort()).toEqual([muller.id, waiting.id].sort());
    expect(notOverdueYet).toEqual([]);
    expect(overdue.sort()).toEqual([muller.id, schmidt.id].sort());
    expect(overdueWeber).toEqual([]);
    expect(forOfficer.items).toEqual([]);
  });

  it('finds a passport with a Latin I typed in lower case (the Azerbaijani lower case of I is ı)', async () => {
    const w = reviewWorld();
    const service = await publishedService(w, admin, evisaDefinition());
    const app = await inReview(w, [visitor({ surname: 'Irwin', passportNumber: 'KBYINCRNF2' })], { service });
    const list = (q: string) =>
      listApplications(w, admin, 'e-visa', { limit: 50, q }).then((p) => p.items.map((i) => i.number));

    expect(await list('kbyincrnf2')).toEqual([app.id]);
    expect(await list('KBYİNCRNF2')).toEqual([app.id]);
    expect(await list('irw')).toEqual([app.id]);
  });

  it('reads on through the store to fill a page of those that pass, with a cursor to the rest', async () => {
    // Arrange: five applications, every other one of Weber.
    const w = reviewWorld();
    const service = await publishedService(w, admin, evisaDefinition());
    const weber: string[] = [];
    for (let i = 0; i < 5; i++) {
      const surname = i % 2 === 0 ? 'Weber' : 'Braun';
      const app = await inReview(w, [visitor({ surname })], {
        service,
        submittedAt: `2026-03-1${i}T08:00:00.000Z`,
      });
      if (surname === 'Weber') weber.unshift(app.id);
    }

    // Act
    const first = await listApplications(w, admin, 'e-visa', { limit: 2, q: 'weber' });
    const second = await listApplications(w, admin, 'e-visa', {
      limit: 2,
      q: 'weber',
      ...(first.nextCursor ? { cursor: first.nextCursor } : {}),
    });

    // Assert
    expect(first.items.map((i) => i.number)).toEqual(weber.slice(0, 2));
    expect(first.nextCursor).toBeDefined();
    expect(second.items.map((i) => i.number)).toEqual(weber.slice(2));
  });
});
