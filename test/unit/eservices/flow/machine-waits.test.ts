import { describe, expect, it } from 'vitest';
import {
  applicationNextTask,
  cancelLate,
  keepWaiting,
  startPayment,
} from '../../../../functions/modules/eservices';
import { events, evisa, flowDeps, given, ref, stored, SUBMITTED, TENANT } from './fixtures';

describe('the machine’s waits and the cancel', () => {
  it('keeps the token while it waits, and answers at once when the event already happened', async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa());
    expect(await keepWaiting(deps, { ...ref(app), on: 'confirmation', taskToken: 'a' })).toEqual({
      waiting: true,
    });
    expect((await stored(deps, app.id)).waiting).toEqual({
      on: 'confirmation',
      taskToken: 'a',
      since: SUBMITTED,
    });
    expect(await keepWaiting(deps, { ...ref(app), on: 'payment', taskToken: 'b' })).toEqual({
      waiting: false,
    });
    expect(deps.workflow.succeeded).toEqual([{ taskToken: 'b', output: { on: 'payment', already: true } }]);
  });

  it('cancels an unconfirmed application at the end of its window, not a second before', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());

    // Act
    deps.clock.set('2027-03-01T10:59:59.999Z');
    const before = await cancelLate(deps, { ...ref(app), reason: 'not-confirmed' });
    deps.clock.set('2027-03-01T11:00:00.000Z');
    const at = await cancelLate(deps, { ...ref(app), reason: 'not-confirmed' });
    const again = await cancelLate(deps, { ...ref(app), reason: 'not-confirmed' });

    // Assert
    const after = await stored(deps, app.id);
    expect([before, at, again]).toEqual([{ cancelled: false }, { cancelled: true }, { cancelled: false }]);
    expect(after).toMatchObject({
      state: 'cancelled',
      cancelReason: 'not-confirmed',
      cancelledAt: '2027-03-01T11:00:00.000Z',
    });
    expect(events(after)).toEqual(['submitted', 'cancelled']);
    expect(await applicationNextTask(ref(app), deps)).toEqual({ step: 'notify' });
  });

  it('does not cancel as not paid a payment the acquirer took without a callback: it records it', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa(), { email: undefined });
    const { paymentId } = await startPayment(deps, TENANT, { number: app.id, secondFactor: 'c0123 4567' });
    deps.payments.decide(paymentId, 'paid'); // the callback never arrives
    deps.clock.set('2027-03-04T10:00:00.000Z');

    // Act
    const outcome = await cancelLate(deps, { ...ref(app), reason: 'not-paid' });

    // Assert
    const after = await stored(deps, app.id);
    expect(outcome).toEqual({ cancelled: false });
    expect(after.state).toBe('in-review');
    expect(after.log.at(-1)).toMatchObject({ event: 'paid', detail: { via: 'status' } });
  });
});
