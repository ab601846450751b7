import type { Actor } from '../../../platform/kernel/aggregate';
import {
  assertDocuments,
  assertEmployees,
  documentIdempotency,
  eachDocument,
  selectionRefs,
  type GroupOutcome,
  type Idempotency,
} from '../../documents';
import { planResolution, type ResolutionInput } from '../domain/assignment';
import { today, type ExecutionDeps } from './common';
import { writeResolution } from './resolution/commands/write-resolution';

export interface GroupResolutionInput extends ResolutionInput {
  /** The selected documents, each with the version the caller saw. */
  documents: Array<{ id: string; version: number }>;
}

/**
 * Sends the selected documents to execution with one resolution: the same text, executors
 * (responsible and co-executors), for-information recipients, controller and due date written on
 * each document by the very use case a single resolution goes through (rights, status, version,
 * assignments, deadline machine, notices, log entry). The resolution and the selection (every id a
 * document the caller may see) are checked once first, so bad input refuses the whole request
 * and nothing is written. With an Idempotency-Key, a retried
 * request never writes a second resolution on a document it already resolved.
 */
export async function groupResolution(
  deps: ExecutionDeps,
  actor: Actor,
  input: GroupResolutionInput,
  idempotency?: Idempotency,
): Promise<{ results: GroupOutcome[] }> {
  const { documents, ...resolution } = input;
  planResolution(resolution, today(deps), undefined);
  await assertDocuments(deps, actor, selectionRefs(documents));
  await assertEmployees(deps, actor.tenantId, [
    ...resolution.executors.map((e, i): [string, string] => [e.employeeId, `executors.${i}.employeeId`]),
    ...(resolution.forInformation ?? []).map((id, i): [string, string] => [id, `forInformation.${i}`]),
    [resolution.controllerId, 'controllerId'],
  ]);
  const results = await eachDocument(documents, (d) =>
    writeResolution(
      deps,
      actor,
      d.id,
      { ...resolution, version: d.version },
      documentIdempotency(idempotency, d.id, { ...resolution, version: d.version }),
    ),
  );
  return { results };
}
