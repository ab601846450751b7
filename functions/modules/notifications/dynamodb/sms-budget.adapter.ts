import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SmsBudget, SmsReservation } from '../ports';
import { createSmsBudgetModel } from './sms-budget.entities';

const RESERVATION_TTL_SECONDS = 400 * 24 * 3600;

interface TransactionOutcome {
  canceled: boolean;
  data: ReadonlyArray<{ rejected?: boolean; code?: string }>;
}

const rejected = (outcome: TransactionOutcome, i: number) =>
  outcome.data[i]?.rejected === true || outcome.data[i]?.code === 'ConditionalCheckFailed';

/**
 * The SMS budget in the single table. A reservation is one transaction: the send's reservation
 * (only if its key is new) and the month's counter moved by ADD (only if the parts still fit).
 */
export class DynamoSmsBudget implements SmsBudget {
  private readonly model: ReturnType<typeof createSmsBudgetModel>;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.model = createSmsBudgetModel(client, table);
  }

  async reserve(r: SmsReservation): Promise<'reserved' | 'over'> {
    if (r.parts > r.limit) {
      // Never fits; a retry of a send reserved under a larger budget is still counted once.
      return (await this.reservedBefore(r)) ? 'reserved' : 'over';
    }
    const most = r.limit - r.parts;
    // Two sends of one agency at the same moment may collide on the counter: try again.
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.tryReserve(r, most);
      if (outcome !== 'conflict') return outcome;
      if (attempt >= 4) throw new Error('sms_reservation_conflict');
    }
  }

  private async tryReserve(r: SmsReservation, most: number): Promise<'reserved' | 'over' | 'conflict'> {
    const outcome = (await this.model.service.transaction
      .write(({ smsMonth, smsReservation }) => [
        smsReservation
          .create({
            tenantId: r.tenantId,
            key: r.key,
            month: r.month,
            at: r.at,
            parts: r.parts,
            ttl: Math.floor(Date.parse(r.at) / 1000) + RESERVATION_TTL_SECONDS,
          })
          .commit(),
        smsMonth
          .update({ tenantId: r.tenantId, month: r.month })
          .add({ used: r.parts })
          .where((attr, op) => `${op.notExists(attr.used)} OR ${op.lte(attr.used, most)}`)
          .commit(),
      ])
      .go()) as TransactionOutcome;
    if (!outcome.canceled) return 'reserved';
    if (rejected(outcome, 0)) return 'reserved';
    if (rejected(outcome, 1)) return 'over';
    if (outcome.data.some((d) => d.code === 'TransactionConflict')) return 'conflict';
    throw new Error('sms_reservation_refused');
  }

  async markExceeded(tenantId: string, month: string, at: string): Promise<boolean> {
    try {
      await this.model.smsMonth
        .update({ tenantId, month })
        .set({ exceededAt: at })
        .add({ used: 0 })
        .where((attr, op) => op.notExists(attr.exceededAt))
        .go();
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async usage(tenantId: string, month: string): Promise<{ used: number; exceededAt?: string }> {
    const res = await this.model.smsMonth.get({ tenantId, month }).go({ consistent: true });
    if (!res.data) return { used: 0 };
    return { used: res.data.used, ...(res.data.exceededAt ? { exceededAt: res.data.exceededAt } : {}) };
  }

  private async reservedBefore(r: SmsReservation): Promise<boolean> {
    const res = await this.model.smsReservation
      .get({ tenantId: r.tenantId, key: r.key })
      .go({ consistent: true });
    return res.data !== null;
  }
}

/** A single write refused by its condition (ElectroDB keeps the SDK's error as the cause). */
const isConditionFailure = (error: unknown) =>
  (error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException' ||
  /conditional request failed/i.test(String((error as Error).message));
