import { describe, expect, it } from 'vitest';
import { confirmApplication, keepWaiting } from '../../../../functions/modules/eservices';
import { ConflictError, NotFoundError } from '../../../../functions/platform/kernel/errors';
import { events, evisa, flowDeps, given, ref, stored, TENANT } from './fixtures';

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
