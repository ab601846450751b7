/**
 * Task Lambda of statemachines/daily-digest-send.asl.json (`${fn_digestRecipients}`): one page of
 * the agency's digest recipients, in batches of employee ids.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { listDigestRecipients } from '../usecases/digest.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  cursor: z.string().min(1).nullable(),
});

export const digestRecipientsTask = stepTask(
  event,
  (deps: Parameters<typeof listDigestRecipients>[0], input) => listDigestRecipients(deps, input),
);
