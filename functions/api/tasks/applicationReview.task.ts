import { applicationReviewTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { objects, workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ objects, workflow });

/** Lambda entry of the `applicationReview` Step Functions task (issue 15: register, check, route). */
export const handler = taskHandler('applicationReview', (raw) => applicationReviewTask(raw, getContainer()));
