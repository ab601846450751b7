import { describe, expect, it } from 'vitest';
import {
  getExchangeSettings,
  putExchangeSettings,
} from '../../../functions/modules/exchange/usecases/settings.usecase';
import { adminB, clerk, exchangeWorld, RECIPIENT } from './world';

describe('the exchange settings', () => {
  it('answers the defaults and the intake address before an admin sets any', async () => {
    const world = exchangeWorld();
    expect(await getExchangeSettings(world, clerk)).toEqual({
      version: 0,
      intakeAddress: `${RECIPIENT}@intake.example.az`,
      receiptDays: 3,
    });
  });

  it('lets an admin set them with the version read (optimistic); others get 403', async () => {
    const world = exchangeWorld();
    const first = await putExchangeSettings(world, adminB, {
      version: 0,
      receiptDays: 5,
      replyTo: 'x@example.az',
    });
    const second = await putExchangeSettings(world, adminB, { version: 1, receiptDays: 4 });

    expect(first).toMatchObject({ version: 1, receiptDays: 5, replyTo: 'x@example.az' });
    expect(second).toMatchObject({ version: 2, receiptDays: 4 });
    expect(second).not.toHaveProperty('replyTo');
    await expect(putExchangeSettings(world, adminB, { version: 1, receiptDays: 2 })).rejects.toMatchObject({
      code: 'stale_version',
    });
    await expect(putExchangeSettings(world, clerk, { version: 2, receiptDays: 2 })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
