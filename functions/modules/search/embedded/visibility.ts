import type { SearchDocument } from '../domain/search-document';
import type { SearchViewer } from '../domain/search-query';

/**
 * Need-to-know, the rule of documents/domain/visibility (`visibleTo`) on the indexed fields:
 * a participant, or someone who acts for one, sees the item; a confidential item is otherwise
 * seen only by its access list; anything else by those who see all and by the heads of the
 * participants' departments (or of departments above them).
 */
export function visibleTo(
  doc: Pick<SearchDocument, 'participants' | 'participantUnits' | 'confidential' | 'accessList'>,
  viewer: SearchViewer,
): boolean {
  if (doc.participants.includes(viewer.employeeId)) return true;
  if (doc.confidential) return doc.accessList.includes(viewer.employeeId);
  if (viewer.seesAll) return true;
  if (viewer.actingFor.some((id) => doc.participants.includes(id))) return true;
  return viewer.headOf.some((id) => doc.participantUnits.includes(id));
}
