import { describe, expect, it } from 'vitest';
import {
  bakuYear,
  reserveVisaNumbers,
  VISA_COUNTER,
  visaNumberText,
  type VisaCounter,
} from '../../../../functions/modules/eservices';
import { eVisaApplicant, putDecidedApplication } from '../../../support/eservices-results';
import { MemoryAggregateStore } from '../../../support/fakes/aggregate-store';
import { ManualClock } from '../../../support/fakes/clock';

const T = 't1';
const DECIDED = '2026-06-20T09:30:00.000Z';

async function application(store: MemoryAggregateStore, id: string, applicants: number) {
  await putDecidedApplication(store, {
    tenantId: T,
    id,
    serviceId: 'svc',
    serviceCode: 'e-visa',
    applicants: Array.from({ length: applicants }, () => eVisaApplicant()),
    outcomes: Array.from({ length: applicants }, () => 'approved' as const),
    decidedAt: DECIDED,
  });
}

describe('e-visa numbers', () => {
  it('are written EV-year-six digits (more past a million)', () => {
    expect(visaNumberText(2026, 42)).toBe('EV-2026-000042');
    expect(visaNumberText(2026, 1_234_567)).toBe('EV-2026-1234567');
    expect(() => visaNumberText(2026, 0)).toThrow(RangeError);
  });

  it('take the Baku year of the decision', () => {
    expect(bakuYear('2026-12-31T19:59:59.000Z')).toBe(2026);
    expect(bakuYear('2026-12-31T20:00:00.000Z')).toBe(2027);
  });

  it('are given once per applicant, in order, the counter moving with the record', async () => {
    // Arrange
    const store = new MemoryAggregateStore();
    const deps = { store, clock: new ManualClock('2026-06-20T10:00:00.000Z') };
    await application(store, 'A1', 2);
    await application(store, 'A2', 1);
    const decided = (n: number) =>
      Array.from({ length: n }, (_, applicant) => ({ applicant, decidedAt: DECIDED }));

    // Act
    const first = await reserveVisaNumbers(deps, T, 'A1', decided(2));
    const again = await reserveVisaNumbers(deps, T, 'A1', decided(2));
    const second = await reserveVisaNumbers(deps, T, 'A2', decided(1));

    // Assert
    expect(first.visaNumbers).toEqual([
      { applicant: 0, number: 'EV-2026-000001' },
      { applicant: 1, number: 'EV-2026-000002' },
    ]);
    expect(again.visaNumbers).toEqual(first.visaNumbers);
    expect(again.version).toBe(first.version);
    expect(second.visaNumbers).toEqual([{ applicant: 0, number: 'EV-2026-000003' }]);
    expect((await store.get<VisaCounter>(VISA_COUNTER, T, '2026'))?.last).toBe(3);
  });
});
