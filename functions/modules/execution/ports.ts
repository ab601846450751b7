import type { AssignmentRecord, DocumentRecord, ApprovalRouteState, StatusOperation } from '../documents';

/**
 * How finished tasks move a document's approval route on. Execution control owns the task tree;
 * the approval module owns the route's rules and implements this (the wiring passes it in), so
 * neither module imports the other's use cases in a circle.
 */
export interface ApprovalProgress {
  /**
   * The document after `changed` tasks of its route's active step: the step's new state and, when the
   * step ended, the document operation the end implies (agree, sign, return to the draft) if the
   * document's status allows it. The caller applies that operation through the documents module,
   * as the operations route does (numbering included). Undefined: nothing moved.
   */
  afterTasks(
    document: DocumentRecord,
    changed: AssignmentRecord[],
    now: string,
    comment?: string,
  ):
    | {
        document: DocumentRecord;
        ended?: {
          step: number;
          outcome: 'approved' | 'rejected';
          state: ApprovalRouteState;
          operation?: StatusOperation;
        };
      }
    | undefined;
  /** Tells the route's waiting state machine how an ended step came out (at-least-once). */
  signal(document: DocumentRecord, step: number): Promise<void>;
}
