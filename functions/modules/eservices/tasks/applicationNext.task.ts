/** Task Lambda of statemachines/eservice-application.asl.json (`${fn_applicationNext}`): the next step. */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { planNext } from '../usecases/flow/machine';

const event = z.object({ tenantId: z.string().min(1), applicationId: z.string().min(1) });

export const applicationNextTask = stepTask(event, planNext);
