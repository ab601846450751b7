import { describe, expect, it } from 'vitest';
import type { Delivery, ReceivedVerification } from '../../../../web/api/contract';
import {
  awaitingReceipt,
  deliveryTimeline,
  formatSize,
  mayRefuse,
  parseReceiptDays,
  registrability,
  verificationBadge,
} from '../../../../web/features/exchange/model';

const checked = (valid: boolean): ReceivedVerification => ({
  checkedAt: '2026-12-01T08:00:00.000Z',
  valid,
  signed: true,
  problems: valid ? [] : ['integrity'],
  signatures: [],
});

const delivery = (patch: Partial<Delivery>): Delivery => ({
  id: 'd1',
  dispatchId: 'x1',
  recipientIndex: 0,
  recipientTenantId: 'demo2',
  recipientName: 'Xəzər Logistika MMC (demo)',
  state: 'sending',
  receiptDueAt: '2026-12-04T20:00:00.000Z',
  ...patch,
});

describe('received items: what the clerk may do', () => {
  it('a verified platform item waiting is registered; an unverified or unchecked one is not', () => {
    expect(registrability({ state: 'waiting', source: 'platform', verification: checked(true) })).toEqual({
      ok: true,
    });
    expect(registrability({ state: 'waiting', source: 'platform', verification: checked(false) })).toEqual({
      ok: false,
      reason: 'unverified',
    });
    expect(registrability({ state: 'waiting', source: 'platform' })).toEqual({
      ok: false,
      reason: 'unchecked',
    });
  });

  it('mail is registered as it came; a quarantined or finished item never', () => {
    expect(registrability({ state: 'waiting', source: 'email', verification: checked(false) })).toEqual({
      ok: true,
    });
    expect(registrability({ state: 'quarantined', source: 'email' })).toEqual({
      ok: false,
      reason: 'quarantined',
    });
    expect(registrability({ state: 'registered', source: 'platform', verification: checked(true) })).toEqual({
      ok: false,
      reason: 'done',
    });
    expect(mayRefuse({ state: 'waiting' })).toBe(true);
    expect(mayRefuse({ state: 'quarantined' })).toBe(false);
  });

  it('the badge says verified, not verified, or not checked', () => {
    expect(verificationBadge({ verification: checked(true) })).toBe('verified');
    expect(verificationBadge({ verification: checked(false) })).toBe('unverified');
    expect(verificationBadge({})).toBe('unchecked');
  });
});

describe('a delivery on the sender’s card', () => {
  const sentAt = '2026-12-01T07:00:00.000Z';

  it('goes sent → delivered → received → registered, each step done when reached', () => {
    expect(deliveryTimeline(delivery({}), sentAt).map((s) => [s.step, s.done])).toEqual([
      ['sent', true],
      ['delivered', false],
      ['received', false],
      ['registered', false],
    ]);
    const registered = deliveryTimeline(
      delivery({
        state: 'registered',
        deliveredAt: '2026-12-01T07:00:01.000Z',
        receivedAt: '2026-12-01T08:00:00.000Z',
        registration: { number: '5-2026', date: '2026-12-01', at: '2026-12-01T08:05:00.000Z' },
      }),
      sentAt,
    );
    expect(registered.every((s) => s.done)).toBe(true);
    expect(registered.map((s) => s.at)).toEqual([
      sentAt,
      '2026-12-01T07:00:01.000Z',
      '2026-12-01T08:00:00.000Z',
      '2026-12-01T08:05:00.000Z',
    ]);
  });

  it('a refusal ends the line after the steps reached', () => {
    const steps = deliveryTimeline(
      delivery({
        state: 'refused',
        deliveredAt: '2026-12-01T07:00:01.000Z',
        refusal: { reason: 'İmza etibarsızdır', at: '2026-12-01T09:00:00.000Z' },
      }),
      sentAt,
    );
    expect(steps.map((s) => s.step)).toEqual(['sent', 'delivered', 'refused']);
    expect(awaitingReceipt(delivery({ state: 'refused' }))).toBe(false);
    expect(awaitingReceipt(delivery({ state: 'received' }))).toBe(true);
  });
});

describe('small inputs and labels', () => {
  it('the receipt period is empty (the default) or 1–60 working days', () => {
    expect(parseReceiptDays('')).toEqual({});
    expect(parseReceiptDays(' 5 ')).toEqual({ value: 5 });
    expect(parseReceiptDays('0')).toEqual({ error: 'format' });
    expect(parseReceiptDays('61')).toEqual({ error: 'format' });
    expect(parseReceiptDays('2.5')).toEqual({ error: 'format' });
  });

  it('sizes read as B, KB, MB', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
