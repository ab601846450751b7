/**
 * Task Lambda of statemachines/eservice-application.asl.json (`${fn_applicationReview}`): an
 * application in review without its document is registered in the agency's journal, checked, put
 * on the service level's clock and sent along the definition's route (review.usecase.ts).
 * Idempotent: run twice, everything is done once.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import type { ApplicationReviewDeps } from '../ports';
import { reviewApplication } from '../usecases/review/review.usecase';

const event = z.object({
  tenantId: z.string().min(1).max(128),
  applicationId: z.string().min(1).max(32),
});

export const applicationReviewTask = stepTask(
  event,
  async (deps: ApplicationReviewDeps, input: z.infer<typeof event>) => {
    const app = await reviewApplication(deps, input);
    return {
      tenantId: app.tenantId,
      applicationId: app.id,
      ...(app.documentId ? { documentId: app.documentId } : {}),
      ...(app.registrationNumber ? { registrationNumber: app.registrationNumber } : {}),
    };
  },
);
