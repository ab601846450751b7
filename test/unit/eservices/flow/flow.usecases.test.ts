import { describe, expect, it } from 'vitest';
import {
  applicationNextTask,
  cancelLate,
  confirmApplication,
  keepWaiting,
  paymentCallback,
  sendDueNotices,
  startPayment,
} from '../../../../functions/modules/eservices';
import {
  APPLICATION,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import {
  ConflictError,
  NotFoundError,
  BusinessRuleError,
} from '../../../../functions/platform/kernel/errors';
import { evisa, flowDeps, given, social, SUBMITTED, TENANT, type FlowDeps } from './fixtures';

const stored = async (deps: FlowDeps, id: string) =>
  (await deps.store.get<ApplicationRecord>(APPLICATION, TENANT, id))!;
const ref = (r: ApplicationRecord) => ({ tenantId: TENANT, applicationId: r.id });
const events = (r: ApplicationRecord) => r.log.map((l) => l.event);

describe('the confirmation of the e-mail', () => {
  it('confirms within the window, logs it and answers the machine’s wait', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    await keepWaiting(deps, { ...ref(app), on: 'confirmation', taskToken: 'tok-1' });
    deps.clock.set('2027-03-01T10:59:59.000Z');

    // Act
    const answer = await confirmApplication(deps, TENANT, {
      number: app.id.toLowerCase(),
      token: app.confirmation!.token,
    });

    // Assert
    const after = await stored(deps, app.id);
    expect(answer).toEqual({
      number: app.id,
      state: 'awaiting-payment',
      fee: { amount: 2000, currency: 'USD' },
    });
    expect(after.confirmation?.confirmedAt).toBe('2027-03-01T10:59:59.000Z');
    expect(events(after)).toEqual(['submitted', 'email-confirmed']);
    expect(deps.workflow.succeeded).toEqual([{ taskToken: 'tok-1', output: { on: 'confirmation' } }]);
  });

  it('starts the machine when it is not waiting yet (a submit that stopped before its start)', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const other = await given(deps, evisa());
    deps.workflow.start = async () => {
      throw new ConflictError('workflow_name_conflict', 'exists with other input');
    };
    const engine = flowDeps().workflow;

    // Act
    await confirmApplication({ ...deps, workflow: engine }, TENANT, {
      number: app.id,
      token: app.confirmation!.token,
    });
    const tolerated = await confirmApplication(deps, TENANT, {
      number: other.id,
      token: other.confirmation!.token,
    });

    // Assert
    expect(engine.started).toEqual([
      {
        machine: 'eservice-application',
        name: `application-${TENANT}-${app.id.replaceAll('-', '')}`,
        input: { tenantId: TENANT, applicationId: app.id },
      },
    ]);
    expect(tolerated.state).toBe('awaiting-payment');
  });

  it('goes straight to review when the variant is free', async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa(), { fee: { amount: 0, currency: 'USD' } });
    const answer = await confirmApplication(deps, TENANT, { number: app.id, token: app.confirmation!.token });
    expect(answer.state).toBe('in-review');
  });

  it('answers a wrong token, an unknown and an invalid number with the same 404', async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const attempts = [
      { number: app.id, token: `${app.confirmation!.token}x` },
      { number: '7K3M-9QX2-HT4B-W8RC', token: app.confirmation!.token },
      { number: 'nonsense', token: app.confirmation!.token },
    ];
    for (const attempt of attempts)
      await expect(confirmApplication(deps, TENANT, attempt)).rejects.toEqual(
        new NotFoundError('application not found'),
      );
    expect((await stored(deps, app.id)).state).toBe('awaiting-confirmation');
  });

  it('refuses a link opened at the end of the window, and the repeat of a confirmation is harmless', async () => {
    // Arrange
    const deps = flowDeps();
    const late = await given(deps, evisa());
    const early = await given(deps, evisa());
    await confirmApplication(deps, TENANT, { number: early.id, token: early.confirmation!.token });
    deps.clock.set('2027-03-01T11:00:00.000Z');

    // Act
    const refused = confirmApplication(deps, TENANT, { number: late.id, token: late.confirmation!.token });
    const again = await confirmApplication(deps, TENANT, {
      number: early.id,
      token: early.confirmation!.token,
    });

    // Assert
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({ code: 'application_confirmation_expired' });
    expect(again.state).toBe('awaiting-payment');
    expect(events(await stored(deps, early.id))).toEqual(['submitted', 'email-confirmed']);
  });
});

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

describe('the applicant’s notices', () => {
  it('sends the confirmation link once, in the applicant’s language, with the web page’s link', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa(), { language: 'az' });

    // Act
    const first = await sendDueNotices(deps, ref(app));
    const second = await sendDueNotices(deps, ref(app));

    // Assert
    expect(first).toEqual({ sent: ['confirmation-link:email'], withheld: [] });
    expect(second).toEqual({ sent: [], withheld: [] });
    expect(deps.email.sent).toHaveLength(1);
    const mail = deps.email.sent[0]!;
    expect(mail.to).toEqual(['anna@example.de']);
    expect(mail.subject).toBe(`Müraciətinizi təsdiqləyin: ${app.id}`);
    const link = `https://portal.example.az/e/confirm/?agency=${TENANT}&number=${app.id}&token=${app.confirmation!.token}`;
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('01.03.2027 15:00'); // the window's end, Baku time
    const after = await stored(deps, app.id);
    expect(after.notices).toEqual(['confirmation-link:email']);
    expect(after.log.at(-1)).toMatchObject({
      event: 'notice-sent',
      detail: { notice: 'confirmation-link', channel: 'email' },
    });
  });

  it('takes the key back when the send fails, so the retried task sends it', async () => {
    const deps = flowDeps();
    const app = await given(deps, evisa());
    deps.email.failWith = new Error('SES down');
    await expect(sendDueNotices(deps, ref(app))).rejects.toThrow('SES down');
    expect((await stored(deps, app.id)).notices).toEqual([]);
    deps.email.failWith = undefined;
    expect((await sendDueNotices(deps, ref(app))).sent).toEqual(['confirmation-link:email']);
    expect(events(await stored(deps, app.id))).toEqual([
      'submitted',
      'notice-sent',
      'notice-failed',
      'notice-sent',
    ]);
  });

  it('tells a refused applicant the reason, by e-mail and by SMS within the agency’s budget', async () => {
    // Arrange
    const deps = flowDeps();
    await deps.store.create(
      'tenant',
      {
        id: TENANT,
        tenantId: TENANT,
        version: 1,
        createdAt: SUBMITTED,
        updatedAt: SUBMITTED,
        sms: { enabled: true, monthlyParts: 100 },
      },
      { actorId: 'system', sortKey: TENANT },
    );
    const app = await given(deps, social(), {
      language: 'ru',
      phone: '+994501234567',
      fee: { amount: 0, currency: 'AZN' },
    });
    const decided = {
      ...(await stored(deps, app.id)),
      state: 'decided' as const,
      decisions: [
        {
          applicant: 0,
          outcome: 'refused' as const,
          reason: 'Доход выше порога',
          decidedAt: SUBMITTED,
          decidedBy: 'e1',
        },
      ],
    };
    await deps.store.update(APPLICATION, decided, decided.version, { actorId: 'x', sortKey: 'x' });

    // Act
    const result = await sendDueNotices(deps, ref(app));

    // Assert
    expect(result.sent).toEqual(['decision:email', 'decision:sms']);
    expect(deps.email.sent[0]!.text).toContain('отказано. Причина: Доход выше порога');
    expect(deps.sms.sent).toEqual([
      {
        phone: '+994501234567',
        text: `Заявление ${app.id}: отказано (Причина: Доход выше порога). Подробно: https://portal.example.az/e/status/?agency=${TENANT}&number=${app.id}`,
      },
    ]);
  });

  it('withholds the SMS of an agency without SMS (once), the e-mail still goes', async () => {
    const deps = flowDeps();
    const app = await given(deps, social(), { phone: '+994501234567', fee: { amount: 0, currency: 'AZN' } });
    const decided = {
      ...(await stored(deps, app.id)),
      state: 'decided' as const,
      decisions: [{ applicant: 0, outcome: 'approved' as const, decidedAt: SUBMITTED, decidedBy: 'e1' }],
    };
    await deps.store.update(APPLICATION, decided, decided.version, { actorId: 'x', sortKey: 'x' });
    expect(await sendDueNotices(deps, ref(app))).toEqual({
      sent: ['decision:email'],
      withheld: ['decision:sms'],
    });
    expect(await sendDueNotices(deps, ref(app))).toEqual({ sent: [], withheld: [] });
    expect(deps.sms.sent).toEqual([]);
  });
});
