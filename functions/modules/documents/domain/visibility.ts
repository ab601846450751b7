/**
 * Need-to-know: who sees a document.
 *
 * - A confidential document: only its participants and the people named on its access list.
 * - Any other document: the registry office and the agency head see all of them; everyone else
 *   sees it when they take part in it, substitute today for someone who does, or head a department
 *   that is (or lies above) the department of someone who does (`participantUnits`).
 */
export interface Viewer {
  employeeId: string;
  /** Registry clerks and the agency head: every non-confidential document of the tenant. */
  seesAll: boolean;
  /** Officials the viewer substitutes today. */
  actingFor: readonly string[];
  /** Departments the viewer heads (as holder of the head position or its holder's substitute). */
  headOf: readonly string[];
}

/** The fields of a document the rule reads (stored on the row too, for lists). */
export interface Audience {
  participants: readonly string[];
  /** The departments of the participants' positions and every department above them. */
  participantUnits?: readonly string[];
  confidential?: boolean;
  /** Named people who may see a confidential document. */
  accessList?: readonly string[];
}

export function visibleTo(doc: Audience, viewer: Viewer): boolean {
  if (doc.participants.includes(viewer.employeeId)) return true;
  if (doc.confidential) return (doc.accessList ?? []).includes(viewer.employeeId);
  if (viewer.seesAll) return true;
  if (viewer.actingFor.some((id) => doc.participants.includes(id))) return true;
  const units = doc.participantUnits ?? [];
  return viewer.headOf.some((id) => units.includes(id));
}
