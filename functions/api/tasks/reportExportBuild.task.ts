import { reportExportBuildTask } from '../../modules/reports';
import { taskHandler } from '../../platform/observability/task-handler';
import { objects } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ objects });

/** Lambda entry of the `reportExportBuild` Step Functions task. */
export const handler = taskHandler('reportExportBuild', (raw) => reportExportBuildTask(raw, getContainer()));
