/** Task Lambda of statemachines/scheduled-notification.asl.json (`${fn_sendNotification}`). */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
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

export async function sendNotificationTask(
  raw: unknown,
  deps: Parameters<typeof sendNotification>[0],
): Promise<{ channel: 'email' | 'sms'; messageId: string }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return sendNotification(deps, parsed.data);
}
