/** Task Lambda of statemachines/daily-digest.asl.json (`${fn_digestSend}`): the morning digests. */
import { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import { sendDigests } from '../../usecases/notifications/digest.usecase';
import { getContainer } from '../../wiring/container';

const event = z.object({ tenantId: z.string().min(1), at: z.iso.datetime({ offset: true }) });

export async function handler(raw: unknown): Promise<{ sent: number }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return sendDigests(getContainer(), parsed.data);
}
