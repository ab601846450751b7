/**
 * Task Lambda of statemachines/human-step.asl.json (`${fn_registerTask}`, `.waitForTaskToken`):
 * keeps the task token on the assignment; the step then waits for the user's decision.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { registerHumanTask } from '../usecases/register-human-task.usecase';

const event = z.object({
  taskToken: z.string().min(1),
  executionId: z.string().min(1),
  tenantId: z.string().min(1),
  assignmentId: z.string().min(1),
  assignee: z.string().min(1),
});

export const registerTaskTask = stepTask(event, registerHumanTask);
