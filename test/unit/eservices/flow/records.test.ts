import { describe, expect, it } from 'vitest';
import {
  APPLICATION,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import {
  changeApplication,
  definitionOf,
  loadApplication,
  logEntry,
  requireApplication,
  SYSTEM,
} from '../../../../functions/modules/eservices/usecases/flow/records';
import { ConflictError, NotFoundError } from '../../../../functions/platform/kernel/errors';
import { newApplicationNumber } from '../../../support/eservices-flow';
import { events, evisa, flowDeps, given, stored, SUBMITTED, TENANT } from './fixtures';

const LATER = '2027-03-01T10:05:00.000Z';

/** A change that appends `event` to the log (and nothing else). */
const appending =
  (event: string, calls: ApplicationRecord[] = []) =>
  (r: ApplicationRecord): ApplicationRecord => {
    calls.push(r);
    return { ...r, log: [...r.log, logEntry(LATER, event, SYSTEM)] };
  };

describe('reading an application for its flow', () => {
  it('loads a stored application, and nothing for an unknown one or another agency', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());

    // Act
    const found = await loadApplication(deps, TENANT, app.id);
    const unknown = await loadApplication(deps, TENANT, newApplicationNumber());
    const elsewhere = await loadApplication(deps, 't2', app.id);

    // Assert
    expect(found).toMatchObject({ id: app.id, tenantId: TENANT, version: 1, state: app.state });
    expect([unknown, elsewhere]).toEqual([undefined, undefined]);
  });

  it('requires the application a task works on: a missing one is a 404', async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa());
    expect((await requireApplication(deps, TENANT, app.id)).id).toBe(app.id);
    await expect(requireApplication(deps, TENANT, newApplicationNumber())).rejects.toEqual(
      new NotFoundError('application not found'),
    );
  });

  it('finds the definition of the version the application was submitted under', async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa());
    expect(await definitionOf(deps, app)).toEqual(evisa());
    await expect(definitionOf(deps, { ...app, serviceVersion: 2 })).rejects.toEqual(
      new NotFoundError('service version not found'),
    );
  });

  it('writes a log entry with its detail only when there is one', () => {
    expect(logEntry(LATER, 'paid', SYSTEM, { via: 'status' })).toEqual({
      at: LATER,
      event: 'paid',
      actor: 'system',
      detail: { via: 'status' },
    });
    expect(Object.keys(logEntry(LATER, 'email-confirmed', 'applicant'))).toEqual(['at', 'event', 'actor']);
  });
});

describe('changing an application', () => {
  it('writes the change with its log entry appended, and gives the record before and after', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());

    // Act
    const { record, changed, before } = await changeApplication(
      deps,
      TENANT,
      app.id,
      SYSTEM,
      appending('checked'),
    );

    // Assert
    const after = await stored(deps, app.id);
    expect(changed).toBe(true);
    expect(before.version).toBe(1);
    expect(record.version).toBe(2);
    expect(after).toEqual(record);
    expect(events(after)).toEqual(['submitted', 'checked']);
    expect(after.log.at(-1)).toEqual({ at: LATER, event: 'checked', actor: 'system' });
    expect(deps.store.writes.at(-1)).toMatchObject({ kind: 'update', options: { actorId: 'system' } });
  });

  it('writes nothing when the change says there is nothing to do', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const writes = deps.store.writes.length;

    // Act
    const outcome = await changeApplication(deps, TENANT, app.id, SYSTEM, () => undefined);

    // Assert
    expect(outcome.changed).toBe(false);
    expect(outcome.record).toEqual(outcome.before);
    expect(outcome.record.version).toBe(1);
    expect(deps.store.writes).toHaveLength(writes);
  });

  it('keeps two changes made at once: the one that finds a newer version reads again and decides again', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const firstCalls: ApplicationRecord[] = [];
    const secondCalls: ApplicationRecord[] = [];

    // Act
    await Promise.all([
      changeApplication(deps, TENANT, app.id, SYSTEM, appending('first', firstCalls)),
      changeApplication(deps, TENANT, app.id, SYSTEM, appending('second', secondCalls)),
    ]);

    // Assert
    const after = await stored(deps, app.id);
    expect(after.version).toBe(3);
    expect(events(after).toSorted()).toEqual(['first', 'second', 'submitted']);
    const calls = [...firstCalls, ...secondCalls].map((r) => r.version).toSorted();
    expect(calls).toEqual([1, 1, 2]); // one of them read again, after the other's write
  });

  it('gives up with the stale version after eight reads when another writer always gets there first', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const calls: ApplicationRecord[] = [];
    const beaten = (r: ApplicationRecord): ApplicationRecord => {
      calls.push(r);
      const other = { ...r, version: r.version + 1, log: [...r.log, logEntry(LATER, 'other', SYSTEM)] };
      deps.store.seed(APPLICATION, other); // the other writer, between this read and this write
      return { ...r, log: [...r.log, logEntry(LATER, 'mine', SYSTEM)] };
    };

    // Act
    const outcome = changeApplication(deps, TENANT, app.id, SYSTEM, beaten);

    // Assert
    await expect(outcome).rejects.toBeInstanceOf(ConflictError);
    await expect(outcome).rejects.toMatchObject({ code: 'stale_version' });
    expect(calls.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events(await stored(deps, app.id))).not.toContain('mine');
  });

  it('lets the change’s own refusal through without reading again or writing', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    let calls = 0;
    const failing = (): ApplicationRecord => {
      calls += 1;
      throw new ConflictError('application_not_awaiting_payment', 'not now');
    };

    // Act
    const outcome = changeApplication(deps, TENANT, app.id, SYSTEM, failing);

    // Assert
    await expect(outcome).rejects.toMatchObject({ code: 'application_not_awaiting_payment' });
    expect(calls).toBe(1);
    expect((await stored(deps, app.id)).updatedAt).toBe(SUBMITTED);
  });
});
