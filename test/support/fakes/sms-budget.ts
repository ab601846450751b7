import type { SmsBudget, SmsReservation } from '../../../functions/modules/notifications/ports';

/** The SMS budget in memory: the same rules as the table's conditional writes. */
export class MemorySmsBudget implements SmsBudget {
  readonly months = new Map<string, { used: number; exceededAt?: string }>();
  readonly reservations = new Map<string, SmsReservation>();

  async reserve(r: SmsReservation): Promise<'reserved' | 'over'> {
    const key = `${r.tenantId}#${r.key}`;
    if (this.reservations.has(key)) return 'reserved';
    const month = this.months.get(`${r.tenantId}#${r.month}`) ?? { used: 0 };
    if (month.used + r.parts > r.limit) return 'over';
    this.reservations.set(key, r);
    this.months.set(`${r.tenantId}#${r.month}`, { ...month, used: month.used + r.parts });
    return 'reserved';
  }

  async markExceeded(tenantId: string, month: string, at: string): Promise<boolean> {
    const current = this.months.get(`${tenantId}#${month}`) ?? { used: 0 };
    if (current.exceededAt) return false;
    this.months.set(`${tenantId}#${month}`, { ...current, exceededAt: at });
    return true;
  }

  async usage(tenantId: string, month: string): Promise<{ used: number; exceededAt?: string }> {
    return this.months.get(`${tenantId}#${month}`) ?? { used: 0 };
  }
}
