import { describe, expect, it } from 'vitest';
import { keepWaiting, paymentCallback, startPayment } from '../../../../functions/modules/eservices';
import { BusinessRuleError, NotFoundError } from '../../../../functions/platform/kernel/errors';
import { events, evisa, flowDeps, given, ref, stored, TENANT } from './fixtures';

describe('the payment', () => {
  const paying = async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa(), { email: undefined });
    await keepWaiting(deps, { ...ref(app), on: 'payment', taskToken: 'pay-token' });
    const started = await startPayment(deps, TENANT, { number: app.id, secondFactor: 'C01234567' });
    return { deps, app, started };
  };

  it('sends the applicant to the hosted page with the status page to return to and the callback route', async () => {
    const { deps, app, started } = await paying();
    expect(started).toEqual({
      number: app.id,
      state: 'awaiting-payment',
      paymentId: 'pay_1',
      redirectUrl: 'https://pay.example/pay/pay_1',
    });
    expect(deps.payments.created).toEqual([
      {
        orderId: `${TENANT}:${app.id}`,
        amount: 2000,
        currency: 'USD',
        description: `Electronic visa — ${app.id}`,
        language: 'en',
        returnUrl: `https://portal.example.az/e/status/?agency=${TENANT}&number=${app.id}`,
        callbackUrl: 'https://portal.example.az/api/public/v1/payments/callback',
      },
    ]);
    // Asked again while the payment is open: the same page, no second payment.
    expect(await startPayment(deps, TENANT, { number: app.id, secondFactor: 'C01234567' })).toEqual(started);
    expect(deps.payments.created).toHaveLength(1);
  });

  it('answers a wrong passport number with the same 404 as an unknown number', async () => {
    const { deps, app } = await paying();
    await expect(startPayment(deps, TENANT, { number: app.id, secondFactor: 'C0000000' })).rejects.toEqual(
      new NotFoundError('application not found'),
    );
  });

  it('puts a paid application in review once, whatever repeats, and answers the payment wait', async () => {
    // Arrange
    const { deps, app } = await paying();
    const callback = deps.payments.decide('pay_1', 'paid');

    // Act
    const first = await paymentCallback(deps, ref(app), callback);
    const replay = await paymentCallback(deps, ref(app), callback);

    // Assert
    const after = await stored(deps, app.id);
    expect([first.applied, replay.applied]).toEqual([true, false]);
    expect(after.state).toBe('in-review');
    expect(after.payment).toMatchObject({ status: 'paid', callbackIds: ['cb_pay_1_paid'] });
    expect(events(after)).toEqual(['submitted', 'payment-created', 'paid']);
    // The replay answers the wait again (its first answer may have been lost; the engine refuses
    // a token already answered).
    expect(deps.workflow.succeeded).toEqual([
      { taskToken: 'pay-token', output: { on: 'payment' } },
      { taskToken: 'pay-token', output: { on: 'payment' } },
    ]);
  });

  it('answers the payment wait when the callback comes again after its answer to the machine was lost', async () => {
    // Arrange: the engine unreachable after the record's write (as when the process is killed there)
    const { deps, app } = await paying();
    const callback = deps.payments.decide('pay_1', 'paid');
    deps.workflow.failTokens.set('pay-token', 'ServiceUnavailable');
    const first = paymentCallback(deps, ref(app), callback);
    await expect(first).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    const between = await stored(deps, app.id);
    deps.workflow.failTokens.delete('pay-token');

    // Act: the acquirer sends it again, not yet acknowledged
    const replay = await paymentCallback(deps, ref(app), callback);

    // Assert: applied once, and the machine's wait answered
    expect([between.state, between.payment?.status, replay.applied]).toEqual(['in-review', 'paid', false]);
    expect(events(await stored(deps, app.id))).toEqual(['submitted', 'payment-created', 'paid']);
    expect(deps.workflow.succeeded).toEqual([{ taskToken: 'pay-token', output: { on: 'payment' } }]);
  });

  it('changes nothing for a forged, a mismatched or an unknown payment’s callback', async () => {
    const { deps, app } = await paying();
    const real = deps.payments.decide('pay_1', 'paid');
    const body = JSON.parse(real.body) as Record<string, unknown>;
    const forged = { ...real, headers: { 'payment-signature': 'v1=00' } };
    const cheaper = { ...real, body: JSON.stringify({ ...body, amount: 1 }) };
    const other = { ...real, body: JSON.stringify({ ...body, paymentId: 'pay_9' }) };
    for (const [callback, reason] of [
      [forged, 'forged'],
      [cheaper, 'mismatch'],
      [other, 'unknown_payment'],
    ] as const) {
      const refused = paymentCallback(deps, ref(app), callback);
      await expect(refused).rejects.toBeInstanceOf(BusinessRuleError);
      await expect(refused).rejects.toMatchObject({ code: 'payment_callback_refused', params: { reason } });
    }
    const after = await stored(deps, app.id);
    expect(after.state).toBe('awaiting-payment');
    expect(after.payment?.status).toBe('pending');
  });

  it('keeps a declined application awaiting payment, and it may pay again', async () => {
    const { deps, app } = await paying();
    await paymentCallback(deps, ref(app), deps.payments.decide('pay_1', 'declined'));
    const declined = await stored(deps, app.id);
    const again = await startPayment(deps, TENANT, { number: app.id, secondFactor: 'C01234567' });
    expect(declined.state).toBe('awaiting-payment');
    expect(events(declined).at(-1)).toBe('payment-declined');
    expect(again.paymentId).toBe('pay_2');
    await paymentCallback(deps, ref(app), deps.payments.decide('pay_2', 'paid'));
    expect((await stored(deps, app.id)).state).toBe('in-review');
  });

  it('refuses to pay what waits for no payment', async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa());
    await expect(
      startPayment(deps, TENANT, { number: app.id, secondFactor: 'C01234567' }),
    ).rejects.toMatchObject({
      code: 'application_not_awaiting_payment',
    });
  });
});
