import { describe, expect, it } from 'vitest';
import { sendDueNotices } from '../../../../functions/modules/eservices';
import { APPLICATION } from '../../../../functions/modules/eservices/usecases/application-records';
import { events, evisa, flowDeps, given, ref, social, stored, SUBMITTED, TENANT } from './fixtures';

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
