import { createWebhookTransport, webhookDeliverTask, type WebhookTransport } from '../../modules/webhooks';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

let transport: WebhookTransport | undefined;

/** Lambda entry of the `webhookDeliver` Step Functions task. */
export const handler = taskHandler('webhookDeliver', (raw) => {
  const { store, clock, webhooksAllowPrivate } = getContainer();
  // Private targets only where the configuration allows them (the embedded default); never in AWS.
  transport ??= createWebhookTransport({ allowPrivate: webhooksAllowPrivate });
  return webhookDeliverTask(raw, { store, clock, transport });
});
