import { describe, expect, it } from 'vitest';
import { nextStep, noticesDue, paymentDueAt } from '../../../../functions/modules/eservices';
import type { ApplicationRecord } from '../../../../functions/modules/eservices/usecases/application-records';
import { flowApplication } from '../../../support/eservices-flow';
import { evisa, social, SUBMITTED, TENANT } from './fixtures';

const at = (iso: string) => new Date(iso);
const base = (o: Partial<Parameters<typeof flowApplication>[0]> = {}) =>
  flowApplication({
    tenantId: TENANT,
    serviceId: 's',
    serviceVersion: 1,
    definition: evisa(),
    submittedAt: SUBMITTED,
    email: 'anna@example.de',
    ...o,
  });
const sent = (r: ApplicationRecord, ...keys: string[]): ApplicationRecord => ({ ...r, notices: keys });

describe('what the application machine does next', () => {
  it('sends the confirmation link first, then waits for the window left, to the second', () => {
    // Arrange
    const fresh = base();

    // Act
    const first = nextStep(fresh, ['email'], at(SUBMITTED));
    const then = nextStep(sent(fresh, 'confirmation-link:email'), ['email'], at('2027-03-01T10:20:00.400Z'));

    // Assert
    expect(first).toEqual({ step: 'notify' });
    expect(then).toEqual({ step: 'confirmation', timeoutSeconds: 40 * 60 });
  });

  it('does not send a confirmation link late: past the window it goes to the cancel', () => {
    expect(nextStep(base(), ['email'], at('2027-03-01T11:00:00.000Z'))).toEqual({
      step: 'confirmation',
      timeoutSeconds: 1,
    });
  });

  it('never waits less than a second, even past the window (the cancel then decides)', () => {
    const late = sent(base(), 'confirmation-link:email');
    expect(nextStep(late, ['email'], at('2027-03-01T12:00:00Z'))).toEqual({
      step: 'confirmation',
      timeoutSeconds: 1,
    });
  });

  it('waits for the payment for its window after the confirmation', () => {
    const r = {
      ...sent(base(), 'confirmation-link:email'),
      state: 'awaiting-payment' as const,
      confirmation: {
        token: 'x',
        dueAt: '2027-03-01T11:00:00.000Z',
        confirmedAt: '2027-03-01T10:30:00.000Z',
      },
    };
    expect(paymentDueAt(r)).toBe('2027-03-04T10:30:00.000Z');
    expect(nextStep(r, ['email'], at('2027-03-04T10:00:00.000Z'))).toEqual({
      step: 'payment',
      timeoutSeconds: 1800,
    });
  });

  it('reviews, waits for the decision, issues, then tells the applicant and ends', () => {
    const paid: ApplicationRecord = {
      ...base(),
      state: 'in-review',
      confirmation: undefined,
      notices: [],
    };
    expect(nextStep(paid, ['email'], at(SUBMITTED)).step).toBe('review');
    const registered = { ...paid, documentId: 'doc-1' };
    expect(nextStep(registered, ['email'], at(SUBMITTED)).step).toBe('decision');
    const routeEnded = {
      ...registered,
      routeOutcome: { outcome: 'approved' as const, at: SUBMITTED },
      decisions: [{ applicant: 0, outcome: 'approved' as const, decidedAt: SUBMITTED, decidedBy: 'e1' }],
    };
    expect(nextStep(routeEnded, ['email'], at(SUBMITTED)).step).toBe('issue');
    const decided = { ...routeEnded, state: 'decided' as const };
    expect(nextStep(decided, ['email'], at(SUBMITTED)).step).toBe('notify');
    expect(nextStep(sent(decided, 'decision:email'), ['email'], at(SUBMITTED)).step).toBe('done');
  });

  it('waits for the decision while an applicant of a group has none', () => {
    const group: ApplicationRecord = {
      ...base({ applicants: [{ passportNumber: 'A1' }, { passportNumber: 'A2' }] }),
      state: 'in-review',
      documentId: 'doc-1',
      routeOutcome: { outcome: 'approved', at: SUBMITTED },
      decisions: [{ applicant: 1, outcome: 'approved', decidedAt: SUBMITTED, decidedBy: 'e1' }],
    };
    expect(nextStep(group, ['email'], at(SUBMITTED)).step).toBe('decision');
  });
});

describe('the notices due', () => {
  it('sends a decision by SMS too when the definition says so and a phone was given', () => {
    const r = { ...base({ definition: social(), phone: '+994501234567' }), state: 'decided' as const };
    expect(noticesDue(r, social().decisionNotice.channels).map((n) => n.key)).toEqual([
      'decision:email',
      'decision:sms',
    ]);
    expect(noticesDue({ ...r, contact: { phone: '+994501234567' } }, ['sms']).map((n) => n.key)).toEqual([
      'decision:sms',
    ]);
  });

  it('tells of a payment and of a cancellation once each', () => {
    const paid = {
      ...base(),
      state: 'in-review' as const,
      payment: {
        paymentId: 'p',
        amount: 2000,
        currency: 'USD',
        status: 'paid' as const,
        createdAt: SUBMITTED,
        callbackIds: ['c'],
      },
    };
    expect(noticesDue(paid, ['email']).map((n) => n.key)).toEqual(['payment-received:email']);
    expect(noticesDue(sent(paid, 'payment-received:email'), ['email'])).toEqual([]);
    const cancelled = { ...base(), state: 'cancelled' as const };
    expect(noticesDue(cancelled, ['email']).map((n) => n.key)).toEqual(['cancelled:email']);
  });

  it('sends nothing by e-mail without a contact e-mail', () => {
    const r = { ...base(), contact: {}, state: 'cancelled' as const };
    expect(noticesDue(r, ['email'])).toEqual([]);
  });
});
