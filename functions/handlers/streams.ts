import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import {
  digestTenantsInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  substitutionsInStream,
} from '../wiring/stream-records';
import { ensureDigestMachine } from '../usecases/notifications/digest.usecase';
import { ensureSubstitutionMachine } from '../usecases/execution/substitution.usecase';
import { signalStep } from '../usecases/routes/route-progress';
import { ensureRouteMachine } from '../usecases/routes/route.usecase';
import { ensureDeadline } from '../usecases/execution/resolution.usecase';
import { getContainer } from '../wiring/container';

/**
 * Starts the deadline machine of every controlled resolution written to the table. The use case
 * starts it right after its transaction too; this consumer makes the start certain when that
 * process died in between (starts are idempotent by execution name).
 */
async function deadlineWatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const { sequence, record } of resolutionsInStream(event)) {
    try {
      await ensureDeadline(getContainer(), record);
    } catch {
      failures.push({ itemIdentifier: sequence });
    }
  }
  return { batchItemFailures: failures };
}

/**
 * Makes the route machine's side certain for every routed document written: a running round's
 * machine is started, and a step that ended in this write is told to the machine waiting on it.
 * Both are idempotent (execution names; a used task token is refused), so replays are harmless.
 */
async function routeWatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const { sequence, record } of routedDocumentsInStream(event)) {
    try {
      await ensureRouteMachine(getContainer(), record);
      const ended = record.route!.steps.findIndex((s) => s.endedAt === record.updatedAt && s.taskToken);
      if (ended >= 0) await signalStep(getContainer(), record, ended, { strict: true });
    } catch {
      failures.push({ itemIdentifier: sequence });
    }
  }
  return { batchItemFailures: failures };
}

/**
 * Puts every written version of a substitution on the clock (substitution-period machine): the
 * official's pending tasks move to the substitute when the period starts and back when it ends.
 */
async function substitutionWatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const { sequence, record } of substitutionsInStream(event)) {
    try {
      await ensureSubstitutionMachine(getContainer(), record);
    } catch {
      failures.push({ itemIdentifier: sequence });
    }
  }
  return { batchItemFailures: failures };
}

/** Starts this year's digest machine of an agency as soon as one of its employees asks for the digest. */
async function digestWatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const { sequence, tenantId } of digestTenantsInStream(event)) {
    try {
      const container = getContainer();
      await ensureDigestMachine(container, tenantId, container.clock.now().getUTCFullYear());
    } catch {
      failures.push({ itemIdentifier: sequence });
    }
  }
  return { batchItemFailures: failures };
}

/**
 * The table-stream consumers: in AWS each gets an event source mapping on the table's stream; in the
 * embedded default the stream poller calls the same functions. The search indexer and the
 * notification fan-out register here as they arrive.
 */
export const streamHandlers: Record<
  string,
  (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>
> = { deadlineWatch, routeWatch, substitutionWatch, digestWatch };
