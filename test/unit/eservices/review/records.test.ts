import { describe, expect, it } from 'vitest';
import {
  APPLICATION,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import {
  changeApplication,
  definitionOf,
  logEntry,
} from '../../../../functions/modules/eservices/usecases/review/records';
import { TENANT } from '../../../support/builders';
import { inReview, reviewWorld } from './world';

describe('the review’s writes of an application', () => {
  it('asks again on a stale version (another part wrote the record in between) and keeps both writes', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);
    const update = w.store.update.bind(w.store);
    let interleave = true;
    w.store.update = (async (...args: Parameters<typeof update>) => {
      if (interleave) {
        interleave = false;
        // The flow's part waits on the payment in between (its own write).
        const current = (await w.store.get<ApplicationRecord>(APPLICATION, TENANT, app.id))!;
        await update(APPLICATION, { ...current, notices: ['receipt'] }, current.version, args[3]);
      }
      return update(...args);
    }) as typeof w.store.update;

    // Act
    const saved = await changeApplication(w, TENANT, app.id, 'system', (current) => ({
      ...current,
      log: [...current.log, logEntry('2026-03-19T06:00:00.000Z', 'reminder', 'system')],
    }));

    // Assert
    expect(saved.notices).toEqual(['receipt']);
    expect(saved.log.map((e) => e.event)).toEqual(['submitted', 'reminder']);
    expect(saved.version).toBe(app.version + 2);
  });

  it('writes nothing when the change has nothing to do', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);

    // Act
    const same = await changeApplication(w, TENANT, app.id, 'system', () => undefined);

    // Assert
    expect(same.version).toBe(app.version);
  });

  it('reads the definition of the version the application was submitted under', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);

    // Act
    const def = await definitionOf(w, app);
    const missing = definitionOf(w, { ...app, serviceVersion: 9 });

    // Assert
    expect(def.code).toBe('e-visa');
    await expect(missing).rejects.toThrow('Version 9');
  });
});
