import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import {
  digestTenantsInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  substitutionsInStream,
} from '../wiring/stream-records';
import { ensureDigestMachine } from '../modules/execution';
import { ensureSubstitutionMachine } from '../modules/execution';
import { signalStep } from '../modules/approval';
import { ensureRouteMachine } from '../modules/approval';
import { ensureDeadline } from '../modules/execution';
import { getContainer } from '../wiring/container';

/** Runs `work` on each item of a batch; the failed ones are reported for a retry (partial batch response). */
async function each<T extends { sequence: string }>(
  items: T[],
  work: (item: T) => Promise<void>,
): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const item of items) {
    try {
      await work(item);
    } catch {
      failures.push({ itemIdentifier: item.sequence });
    }
  }
  return { batchItemFailures: failures };
}

/**
 * Starts the deadline machine of every controlled resolution written to the table. The use case
 * starts it right after its transaction too; this consumer makes the start certain when that
 * process died in between (starts are idempotent by execution name).
 */
const deadlineWatch = (event: DynamoDBStreamEvent) =>
  each(resolutionsInStream(event), ({ record }) => ensureDeadline(getContainer(), record));

/**
 * Makes the route machine's side certain for every routed document written: a running round's
 * machine is started, and a step that ended in this write is told to the machine waiting on it.
 * Both are idempotent (execution names; a used task token is refused), so replays are harmless.
 */
const routeWatch = (event: DynamoDBStreamEvent) =>
  each(routedDocumentsInStream(event), async ({ record }) => {
    await ensureRouteMachine(getContainer(), record);
    const ended = record.route!.steps.findIndex((s) => s.endedAt === record.updatedAt && s.taskToken);
    if (ended >= 0) await signalStep(getContainer(), record, ended, { strict: true });
  });

/**
 * Puts every written version of a substitution on the clock (substitution-period machine): the
 * official's pending tasks move to the substitute when the period starts and back when it ends.
 */
const substitutionWatch = (event: DynamoDBStreamEvent) =>
  each(substitutionsInStream(event), ({ record }) => ensureSubstitutionMachine(getContainer(), record));

/** Starts this year's digest machine of an agency as soon as one of its employees asks for the digest. */
const digestWatch = (event: DynamoDBStreamEvent) =>
  each(digestTenantsInStream(event), async ({ tenantId }) => {
    const container = getContainer();
    await ensureDigestMachine(container, tenantId, container.clock.now().getUTCFullYear());
  });

/**
 * The table-stream consumers: in AWS each gets an event source mapping on the table's stream; in the
 * embedded default the stream poller calls the same functions. The search indexer and the
 * notification fan-out register here as they arrive.
 */
export const streamHandlers: Record<
  string,
  (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>
> = { deadlineWatch, routeWatch, substitutionWatch, digestWatch };
