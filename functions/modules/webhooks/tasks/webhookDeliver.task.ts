/**
 * Task Lambda of statemachines/webhook-delivery.asl.json (`${fn_webhookDeliver}`): one attempt of a
 * delivery, or (`giveUp`) the record that the last retry failed.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import type { WebhookDeliverDeps } from '../ports';
import { attemptDelivery, giveUpDelivery } from '../usecases/deliver.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  deliveryId: z.uuid(),
  giveUp: z.boolean().optional(),
});

export const webhookDeliverTask = stepTask(event, async (deps: WebhookDeliverDeps, input): Promise<object> =>
  input.giveUp ? giveUpDelivery(deps, input) : attemptDelivery(deps, input),
);
