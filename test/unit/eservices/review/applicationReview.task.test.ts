import { describe, expect, it } from 'vitest';
import { applicationReviewTask } from '../../../../functions/modules/eservices';
import { ValidationError } from '../../../../functions/platform/kernel/errors';
import { TENANT } from '../../../support/builders';
import { inReview, reviewWorld } from './world';

describe('the applicationReview task', () => {
  it('reviews the application the machine names and answers with its document and number', async () => {
    // Arrange
    const w = reviewWorld();
    const app = await inReview(w);

    // Act
    const out = await applicationReviewTask({ tenantId: TENANT, applicationId: app.id }, w);

    // Assert
    expect(out).toEqual({
      tenantId: TENANT,
      applicationId: app.id,
      documentId: expect.any(String),
      registrationNumber: '1-ER/26',
    });
  });

  it('fails the state on an input that names no application', async () => {
    // Arrange
    const w = reviewWorld();

    // Act
    const run = applicationReviewTask({ tenantId: TENANT }, w);

    // Assert
    await expect(run).rejects.toThrow(ValidationError);
  });
});
