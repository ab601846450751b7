/** Task Lambda of statemachines/scheduled-notification.asl.json (`${fn_sendNotification}`). */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { sendNotification } from '../usecases/send-notification.usecase';

const event = z.object({
  idempotencyKey: z.string().min(1),
  notification: z.discriminatedUnion('channel', [
    z.object({
      channel: z.literal('email'),
      to: z.array(z.email()).min(1),
      subject: z.string().min(1).max(998),
      text: z.string().min(1),
      html: z.string().optional(),
    }),
    z.object({ channel: z.literal('sms'), phone: z.string().min(1), text: z.string().min(1).max(1600) }),
  ]),
});

export const sendNotificationTask = stepTask(event, sendNotification);
