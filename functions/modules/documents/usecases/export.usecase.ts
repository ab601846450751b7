import type * as z from 'zod';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { Employee } from '../../org';
import type { DocumentKind, DocumentRecord } from '../domain/document';
import { formatBakuDate } from '../domain/date-filter';
import type { AssignmentRecord } from '../domain/tasks';
import type { exportInput } from './inputs';
import { canSee, noteRead, unknownReference, type DocumentDeps } from './common';
import { partyName } from '../domain/indexing';

export type ExportInput = z.output<typeof exportInput>;

/** One line of the selection's export: display values, dates as dd.MM.yyyy in Baku. */
export interface ExportRow {
  id: string;
  number: string;
  registeredOn: string;
  kind: DocumentKind;
  /** The sender (incoming) or the recipients (outgoing). */
  party: string;
  summary: string;
  status: string;
  dueDate: string;
  /** The responsible executor of the document's latest resolution. */
  executor: string;
}

/** Documents read per store call: the rows are produced batch by batch, never all at once. */
const BATCH = 100;

/**
 * The rows of an export of the selected documents, in the order selected and each once, produced
 * batch by batch so that a writer can stream them out. An id that names no document the caller
 * may see is bad input (422 on `ids.<n>`, like every reference): the writer's output is dropped.
 * Exporting a confidential document is a read of it, logged like any other.
 */
export async function* exportRows(
  deps: DocumentDeps,
  actor: Actor,
  input: ExportInput,
): AsyncGenerator<ExportRow> {
  const ids = [...new Set(input.ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const found = new Map((await deps.documents.getMany(actor.tenantId, batch)).map((d) => [d.id, d]));
    const docs = batch.map((id) => {
      const doc = found.get(id);
      if (!doc || !canSee(actor, doc)) throw unknownReference(`ids.${input.ids.indexOf(id)}`);
      return doc;
    });
    const executors = await Promise.all(docs.map((d) => executorOf(deps, actor, d)));
    const unknown = [...new Set(executors.filter((e): e is string => !!e && !names.has(e)))];
    if (unknown.length) {
      for (const e of await deps.store.getMany<Employee>('employee', actor.tenantId, unknown))
        names.set(e.id, e.fullName);
    }
    for (const [n, doc] of docs.entries()) {
      await noteRead(deps, actor, doc, 'export');
      const executor = executors[n];
      yield rowOf(doc, executor ? (names.get(executor) ?? '') : '');
    }
  }
}

function rowOf(doc: DocumentRecord, executor: string): ExportRow {
  return {
    id: doc.id,
    number: doc.registration?.number ?? '',
    registeredOn: doc.registration ? formatBakuDate(doc.registration.at) : '',
    kind: doc.kind,
    party: partyName(doc),
    summary: doc.summary,
    status: doc.status,
    dueDate: doc.dueDate ? doc.dueDate.split('-').reverse().join('.') : '',
    executor,
  };
}

/** The responsible executor (the official, not a substitute) of the latest top-level resolution. */
async function executorOf(
  deps: DocumentDeps,
  actor: Actor,
  doc: DocumentRecord,
): Promise<string | undefined> {
  if (!['in-execution', 'executed', 'archived'].includes(doc.status)) return undefined;
  const all = await deps.documents.assignments(actor.tenantId, doc.id);
  const topLevel = new Set(all.filter((a) => a.kind === 'resolution' && !a.parentId).map((a) => a.id));
  const executions = all
    .filter((a): a is AssignmentRecord => a.kind === 'execution' && topLevel.has(a.parentId ?? ''))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return (executions.find((a) => a.role === 'responsible') ?? executions[0])?.ownerId;
}
