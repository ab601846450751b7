import type { Department, Employee, Position } from '../../org';
import type { DocumentRecord } from '../domain/document';
import type { DocumentWrite } from '../ports';
import type { DocumentDeps } from './common';

/** The org tree is shallow; a longer walk means a broken tree, and stops. */
const MAX_DEPTH = 20;

/**
 * The departments of the employees' active positions and every department above them: whose head
 * sees a document these employees take part in (need-to-know).
 */
export async function unitsOf(
  deps: Pick<DocumentDeps, 'store'>,
  tenantId: string,
  employeeIds: readonly string[],
): Promise<string[]> {
  const employees = await deps.store.getMany<Employee>('employee', tenantId, [...new Set(employeeIds)]);
  const positions = await deps.store.getMany<Position>('position', tenantId, [
    ...new Set(employees.flatMap((e) => e.positionIds)),
  ]);
  const units = new Set<string>();
  let level = [...new Set(positions.filter((p) => p.active).map((p) => p.departmentId))];
  for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
    for (const id of level) units.add(id);
    const departments = await deps.store.getMany<Department>('department', tenantId, level);
    level = [
      ...new Set(departments.map((d) => d.parentId).filter((id): id is string => !!id && !units.has(id))),
    ];
  }
  return [...units].sort();
}

const sameSet = (a: readonly string[], b: readonly string[] | undefined) =>
  b !== undefined && a.length === b.length && a.every((x) => b.includes(x));

/**
 * A document write with its participants' units: worked out again whenever the participants
 * change (or the document has none yet), so every path that adds a participant keeps them.
 */
export async function withParticipantUnits(
  deps: Pick<DocumentDeps, 'store'>,
  before: DocumentRecord | undefined,
  write: DocumentWrite,
): Promise<DocumentWrite> {
  const doc = write.document;
  if (doc.participantUnits !== undefined && sameSet(doc.participants, before?.participants)) return write;
  const participantUnits = await unitsOf(deps, doc.tenantId, doc.participants);
  const numbering = write.numbering;
  return {
    ...write,
    document: { ...doc, participantUnits },
    ...(numbering
      ? { numbering: { ...numbering, apply: (seq) => ({ ...numbering.apply(seq), participantUnits }) } }
      : {}),
  };
}

/** Start-up migration: documents stored before need-to-know get their participants' units. */
export function backfillParticipantUnits(deps: Pick<DocumentDeps, 'store' | 'documents'>) {
  return deps.documents.backfillParticipantUnits((doc) => unitsOf(deps, doc.tenantId, doc.participants));
}
