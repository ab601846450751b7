import { describe, expect, it } from 'vitest';
import {
  agencyWorkingDays,
  applicationLevel,
} from '../../../../functions/modules/eservices/usecases/review/level';
import type { ApplicationRecord } from '../../../../functions/modules/eservices/usecases/application-records';
import { inReviewApplication } from '../../../support/eservices-review';
import { TENANT } from '../../../support/builders';
import { evisaDefinition, reviewWorld, visitor } from './world';

const service = { id: 's1', code: 'e-visa', version: 1 };
const values = (variant: string) => ({ variant, common: {}, applicants: [visitor()] });

describe('the service level’s clock', () => {
  it('starts a paid variant at the payment and counts the agency’s working days (its own edits too)', async () => {
    // Arrange: the agency makes Tuesday 31 March 2026 a day off of its own.
    const w = reviewWorld();
    w.store.seed('calendar', {
      id: 'working-calendar',
      tenantId: TENANT,
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      days: [{ date: '2026-03-31', kind: 'day-off', name: { az: 'Qurumun istirahət günü' } }],
    });
    const app = inReviewApplication(TENANT, service, values('standard'), {
      submittedAt: '2026-03-19T05:00:00.000Z',
      paidAt: '2026-03-19T06:00:00.000Z',
      fee: { amount: 2000, currency: 'USD' },
    });

    // Act
    const level = applicationLevel(
      app,
      evisaDefinition(),
      '2026-03-19T07:00:00.000Z',
      await agencyWorkingDays(w, TENANT),
    );

    // Assert
    expect(level).toEqual({
      startedAt: '2026-03-19T06:00:00.000Z',
      lastDay: '2026-04-03',
      dueAt: '2026-04-03T20:00:00.000Z',
    });
  });

  it('runs an urgent variant round the clock from the payment', async () => {
    // Arrange
    const w = reviewWorld();
    const app = inReviewApplication(TENANT, service, values('urgent'), {
      submittedAt: '2026-03-20T05:00:00.000Z',
      paidAt: '2026-03-20T06:00:00.000Z',
      fee: { amount: 6000, currency: 'USD' },
    });

    // Act
    const level = applicationLevel(
      app,
      evisaDefinition(),
      '2026-03-20T06:01:00.000Z',
      await agencyWorkingDays(w, TENANT),
    );

    // Assert
    expect(level).toMatchObject({ startedAt: '2026-03-20T06:00:00.000Z', dueAt: '2026-03-20T09:00:00.000Z' });
  });

  it('starts when the review starts for a record without the event that starts it', async () => {
    // Arrange: a variant with a fee and no payment on the record.
    const w = reviewWorld();
    const app: ApplicationRecord = inReviewApplication(TENANT, service, values('urgent'), {
      submittedAt: '2026-03-20T05:00:00.000Z',
      fee: { amount: 6000, currency: 'USD' },
    });

    // Act
    const level = applicationLevel(
      app,
      evisaDefinition(),
      '2026-03-20T07:00:00.000Z',
      await agencyWorkingDays(w, TENANT),
    );

    // Assert
    expect(level.startedAt).toBe('2026-03-20T07:00:00.000Z');
  });
});
