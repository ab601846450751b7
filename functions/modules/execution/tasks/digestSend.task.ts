/** Task Lambda of statemachines/daily-digest.asl.json (`${fn_digestSend}`): the morning digests. */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
import { sendDigests } from '../usecases/digest.usecase';

const event = z.object({ tenantId: z.string().min(1), at: z.iso.datetime({ offset: true }) });

export async function digestSendTask(
  raw: unknown,
  deps: Parameters<typeof sendDigests>[0],
): Promise<{ sent: number }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return sendDigests(deps, parsed.data);
}
