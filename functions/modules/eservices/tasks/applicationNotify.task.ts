/** Task Lambda of statemachines/eservice-application.asl.json (`${fn_applicationNotify}`): the applicant's notices due. */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { sendDueNotices } from '../usecases/flow/notify';

const event = z.object({ tenantId: z.string().min(1), applicationId: z.string().min(1) });

export const applicationNotifyTask = stepTask(event, sendDueNotices);
