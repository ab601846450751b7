import { applicationIssueTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { objects, visaSigner } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ objects, visaSigner });

/** Lambda entry of the `applicationIssue` Step Functions task. */
export const handler = taskHandler('applicationIssue', (raw) => applicationIssueTask(raw, getContainer()));
