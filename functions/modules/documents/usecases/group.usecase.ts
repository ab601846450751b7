import type * as z from 'zod';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { groupArchiveInput } from './inputs';
import {
  allow,
  assertDocuments,
  assertReferences,
  documentIdempotency,
  eachDocument,
  hasRole,
  selectionRefs,
  type DocumentDeps,
  type Idempotency,
} from './common';
import { performOperation } from './operations.usecase';

export type GroupArchiveInput = z.output<typeof groupArchiveInput>;

/**
 * Files the selected documents into one case file (nomenclature item) and archives them: for each
 * document, the archive operation exactly as the operations route performs it (status rules,
 * rights, the version the caller saw, the log entry), with the case file set in the same
 * transaction. A bad case file, or an id that names no document the caller may see, refuses the
 * whole request (422, nothing changes); each document then gets its own result.
 * With an Idempotency-Key a retried request answers the documents it already archived as done.
 */
export async function groupArchive(
  deps: DocumentDeps,
  actor: Actor,
  input: GroupArchiveInput,
  idempotency?: Idempotency,
) {
  allow(hasRole(actor, 'clerk', 'archivist'), 'archive');
  await assertReferences(deps, actor.tenantId, [
    ['ref:nomenclature', input.nomenclatureId, 'nomenclatureId'],
  ]);
  const { documents, ...payload } = input;
  await assertDocuments(deps, actor, selectionRefs(documents));
  const results = await eachDocument(documents, (d) =>
    performOperation(
      deps,
      actor,
      d.id,
      'archive',
      { version: d.version, ...(input.comment ? { comment: input.comment } : {}) },
      {
        set: { nomenclatureId: input.nomenclatureId },
        ...withKey(documentIdempotency(idempotency, d.id, { ...payload, version: d.version })),
      },
    ),
  );
  return { results };
}

function withKey(idempotency: Idempotency | undefined): { idempotency?: Idempotency } {
  return idempotency ? { idempotency } : {};
}
