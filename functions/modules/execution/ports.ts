import type { Actor } from '../../platform/kernel/aggregate';
import type { AssignmentRecord, DocumentRecord, ApprovalRouteState } from '../documents';

/**
 * How finished tasks move a document's approval route on. Execution control owns the task tree;
 * the approval module owns the route's rules and implements this (the wiring passes it in), so
 * neither module imports the other's use cases in a circle.
 */
export interface ApprovalProgress {
  /**
   * The document after `changed` tasks of its route's active step: the step's new state and, when the
   * step ended, the operation it applies (agreed, signed, back to draft). Undefined: nothing moved.
   */
  afterTasks(
    document: DocumentRecord,
    changed: AssignmentRecord[],
    actor: Actor,
    now: string,
    comment?: string,
  ):
    | {
        document: DocumentRecord;
        ended?: { step: number; outcome: 'approved' | 'rejected'; state: ApprovalRouteState };
      }
    | undefined;
  /** Tells the route's waiting state machine how an ended step came out (at-least-once). */
  signal(document: DocumentRecord, step: number): Promise<void>;
}
